package kcwb.storage.io;

import java.io.Closeable;
import java.io.IOException;

/** Streams the records of one input file. */
interface RowReader extends Closeable {
    /** The next record, or null at the end of the file. */
    ParsedRow next() throws IOException;
}
