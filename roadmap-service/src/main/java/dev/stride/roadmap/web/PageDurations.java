package dev.stride.roadmap.web;

import io.quarkus.qute.TemplateExtension;

/**
 * A weekly study time split for {@code {msg:duration(minutes.wholeHours, minutes.restMinutes)}} ("5 h 30 min",
 * "5 Std. 30 Min."): the words are the message's, the arithmetic is here.
 */
@TemplateExtension
final class PageDurations {

    private PageDurations() {
    }

    static int wholeHours(Integer minutes) {
        return minutes == null ? 0 : minutes / 60;
    }

    static int restMinutes(Integer minutes) {
        return minutes == null ? 0 : minutes % 60;
    }
}
