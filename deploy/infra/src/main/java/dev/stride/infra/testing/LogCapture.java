package dev.stride.infra.testing;

import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the test JVM logs at a level or above, from every thread, while it is open: what a log audit reads. A line is
 * the record's logger, level, message pattern, each parameter and its exception chain, so text that only a parameter or
 * a cause carries is seen too, and last the MDC the record was logged with ({@code mdc {key=value, ...}}), as the JSON
 * logs carry it.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler;

    private LogCapture(Level level) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= level.intValue()) {
                    lines.add(line(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(level);
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture atOrAbove(Level level) {
        return new LogCapture(level);
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }

    private static String line(LogRecord record) {
        StringBuilder line = new StringBuilder().append(record.getLoggerName()).append(' ').append(record.getLevel()).append(' ')
                .append(record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" | ").append(parameter);
            }
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause);
        }
        Map<String, ?> mdc = record instanceof ExtLogRecord ext ? ext.getMdcCopy() : MDC.getMap();
        if (!mdc.isEmpty()) {
            line.append(" | mdc ").append(new TreeMap<>(mdc));
        }
        return line.toString();
    }
}
