package kcwb.storage.project;

import java.time.Instant;

/** A labeling project inside a workspace. */
public record Project(long id, String name, TaskType taskType, String guideline, Instant createdAt) {}
