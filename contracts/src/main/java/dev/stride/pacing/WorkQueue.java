package dev.stride.pacing;

import java.util.ArrayList;
import java.util.List;

/** The remaining milestones in roadmap order, used up front to back as sessions are filled. */
final class WorkQueue {

    private final List<MilestoneWork> milestones;
    private int index;
    private int leftOfCurrent;

    /** Milestones with nothing left to lay (all logged, not yet marked done) are passed over. */
    WorkQueue(List<MilestoneWork> milestones) {
        this.milestones = milestones.stream().filter(m -> m.leftMinutes() > 0).toList();
        this.leftOfCurrent = this.milestones.isEmpty() ? 0 : this.milestones.get(0).leftMinutes();
    }

    boolean isEmpty() {
        return index == milestones.size();
    }

    /** Up to {@code minutes} of work: finishes the current milestone and starts the next if there is room. */
    List<Allocation> take(int minutes) {
        List<Allocation> work = new ArrayList<>();
        int free = minutes;
        while (free > 0 && !isEmpty()) {
            int laid = Math.min(free, leftOfCurrent);
            work.add(new Allocation(milestones.get(index).milestoneId(), laid));
            free -= laid;
            leftOfCurrent -= laid;
            if (leftOfCurrent == 0 && ++index < milestones.size()) {
                leftOfCurrent = milestones.get(index).leftMinutes();
            }
        }
        return work;
    }
}
