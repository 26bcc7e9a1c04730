package dev.stride.pacing;

/** Where a learner stands with one milestone; only TODO and IN_PROGRESS work is still laid into sessions. */
public enum ProgressState {
    TODO, IN_PROGRESS, DONE, SKIPPED;

    public boolean remains() {
        return this == TODO || this == IN_PROGRESS;
    }
}
