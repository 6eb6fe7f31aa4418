package kcwb.storage.item;

/**
 * Which items of a project to list, for the item table. Null/false fields do not filter.
 *
 * @param label             some annotator gave this label
 * @param annotator         this annotator labelled the item
 * @param split             the item is in this split
 * @param unlabeledOnly     nobody labelled the item yet
 * @param disagreementOnly  two or more annotators gave different labels
 * @param textContains      the original text contains this string (case-sensitive substring)
 * @param byUncertainty     order by the highest stored prediction uncertainty first (items without one last),
 *                          else by id
 */
public record ItemFilter(long projectId, String label, String annotator, Split split, boolean unlabeledOnly,
        boolean disagreementOnly, String textContains, boolean byUncertainty) {

    public static ItemFilter all(long projectId) {
        return new ItemFilter(projectId, null, null, null, false, false, null, false);
    }

    public ItemFilter withLabel(String value) {
        return new ItemFilter(projectId, value, annotator, split, unlabeledOnly, disagreementOnly, textContains, byUncertainty);
    }

    public ItemFilter withAnnotator(String value) {
        return new ItemFilter(projectId, label, value, split, unlabeledOnly, disagreementOnly, textContains, byUncertainty);
    }

    public ItemFilter withSplit(Split value) {
        return new ItemFilter(projectId, label, annotator, value, unlabeledOnly, disagreementOnly, textContains, byUncertainty);
    }

    public ItemFilter withUnlabeledOnly(boolean value) {
        return new ItemFilter(projectId, label, annotator, split, value, disagreementOnly, textContains, byUncertainty);
    }

    public ItemFilter withDisagreementOnly(boolean value) {
        return new ItemFilter(projectId, label, annotator, split, unlabeledOnly, value, textContains, byUncertainty);
    }

    public ItemFilter withTextContains(String value) {
        return new ItemFilter(projectId, label, annotator, split, unlabeledOnly, disagreementOnly, value, byUncertainty);
    }

    public ItemFilter withByUncertainty(boolean value) {
        return new ItemFilter(projectId, label, annotator, split, unlabeledOnly, disagreementOnly, textContains, value);
    }
}
