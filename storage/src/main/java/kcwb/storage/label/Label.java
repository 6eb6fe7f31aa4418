package kcwb.storage.label;

/** A label of a project: its stable name, what the UI shows, colour ("#RRGGBB"), hotkey and order. */
public record Label(long id, long projectId, String name, String displayName, String color, String hotkey, int position) {}
