package kcwb.storage.io;

/**
 * How to read a file and what to do with bad rows. Build with {@link #builder(ImportFormat)};
 * text/label columns are header names or 0-based indexes (JSONL: field names).
 */
public record ImportOptions(ImportFormat format, boolean hasHeader, String textColumn, String labelColumn,
        boolean quoting, String annotator, BadRowMode badRowMode, boolean createLabels, boolean dedupe,
        int minTextLength, SplitSpec split, int maxLineBytes) {

    /** Skip bad rows and report them, or abort the whole import with nothing written. */
    public enum BadRowMode { SKIP, ABORT }

    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    public static Builder builder(ImportFormat format) {
        return new Builder(format);
    }

    /** DJL-style builder: {@code optX} for every optional field. */
    public static final class Builder {
        private final ImportFormat format;
        private boolean hasHeader;
        private String textColumn;
        private String labelColumn;
        private boolean quoting = true;
        private String annotator = "import";
        private BadRowMode badRowMode = BadRowMode.SKIP;
        private boolean createLabels;
        private boolean dedupe;
        private int minTextLength;
        private SplitSpec split;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;

        private Builder(ImportFormat format) {
            this.format = format;
            switch (format) {
                case BEEP -> { hasHeader = true; textColumn = "comments"; labelColumn = "hate"; }
                case JSONL -> { textColumn = "text"; labelColumn = "label"; }
                case PIPE -> labelColumn = "label";
                case CSV, TSV -> { textColumn = "0"; }
                case TEXT -> { }
            }
        }

        public Builder optHeader(boolean hasHeader) { this.hasHeader = hasHeader; return this; }
        public Builder optTextColumn(String column) { this.textColumn = column; return this; }
        /** null: the file has no labels. */
        public Builder optLabelColumn(String column) { this.labelColumn = column; return this; }
        public Builder optQuoting(boolean quoting) { this.quoting = quoting; return this; }
        public Builder optAnnotator(String annotator) { this.annotator = annotator; return this; }
        public Builder optBadRowMode(BadRowMode mode) { this.badRowMode = mode; return this; }
        public Builder optCreateLabels(boolean createLabels) { this.createLabels = createLabels; return this; }
        public Builder optDedupe(boolean dedupe) { this.dedupe = dedupe; return this; }
        public Builder optMinTextLength(int minTextLength) { this.minTextLength = minTextLength; return this; }
        public Builder optSplit(SplitSpec split) { this.split = split; return this; }
        public Builder optMaxLineBytes(int maxLineBytes) { this.maxLineBytes = maxLineBytes; return this; }

        public ImportOptions build() {
            return new ImportOptions(format, hasHeader, textColumn, labelColumn, quoting, annotator, badRowMode,
                    createLabels, dedupe, minTextLength, split, maxLineBytes);
        }
    }
}
