package kcwb.app.gui.items;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The table's rows for one filter: the matching ids (8 bytes each) and row view models created on demand.
 * Rows of a page ({@value #PAGE} ids) are fetched together when the table first asks for one of them; only
 * the {@value #KEPT_PAGES} most recently used pages stay in memory, so scrolling a million rows stays flat.
 */
final class LazyItemList extends AbstractList<ItemRowViewModel> {
    static final int PAGE = 100;
    static final int KEPT_PAGES = 50;
    private final long[] ids;
    private final BiConsumer<long[], ItemRowViewModel[]> pageLoader;
    private final Map<Integer, ItemRowViewModel[]> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ItemRowViewModel[]> eldest) {
            return size() > KEPT_PAGES;
        }
    };

    /** {@code pageLoader} gets the page's ids and their row view models, and fills them (asynchronously). */
    LazyItemList(long[] ids, BiConsumer<long[], ItemRowViewModel[]> pageLoader) {
        this.ids = ids;
        this.pageLoader = pageLoader;
    }

    @Override
    public ItemRowViewModel get(int index) {
        int page = index / PAGE;
        ItemRowViewModel[] rows = pages.get(page);
        if (rows == null) {
            int from = page * PAGE;
            long[] pageIds = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + PAGE));
            rows = new ItemRowViewModel[pageIds.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new ItemRowViewModel(pageIds[i]);
            }
            pages.put(page, rows);
            pageLoader.accept(pageIds, rows);
        }
        return rows[index % PAGE];
    }

    @Override
    public int size() {
        return ids.length;
    }

    int loadedPages() {
        return pages.size();
    }
}
