package dev.stride.roadmap.subscription;

import dev.stride.pacing.StudySlot;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A stored study slot (row of {@code study_slot}). */
@Embeddable
public class SlotValue {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    public DayOfWeek day;

    @Column(name = "start_time", nullable = false)
    public LocalTime start;

    @Column(nullable = false)
    public int minutes;

    public static SlotValue of(StudySlot slot) {
        SlotValue value = new SlotValue();
        value.day = slot.day();
        value.start = slot.start();
        value.minutes = slot.minutes();
        return value;
    }

    public StudySlot toStudySlot() {
        return new StudySlot(day, start, minutes);
    }
}
