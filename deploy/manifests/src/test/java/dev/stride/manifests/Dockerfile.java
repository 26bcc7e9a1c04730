package dev.stride.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The instructions of a Dockerfile, continuation lines joined and comments dropped. */
record Dockerfile(Path file, List<Instruction> instructions) {

    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            current.setLength(0);
        }
        return new Dockerfile(file, instructions);
    }

    List<String> arguments(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The names the ENV instructions set (both {@code ENV A=1 B=2} and {@code ENV A 1}). */
    List<String> environmentNames() {
        List<String> names = new ArrayList<>();
        for (String arguments : arguments("ENV")) {
            Matcher assignment = ENV_ASSIGNMENT.matcher(arguments);
            boolean any = false;
            while (assignment.find()) {
                names.add(assignment.group(1));
                any = true;
            }
            if (!any) {
                names.add(arguments.split("\\s+", 2)[0]);
            }
        }
        return names;
    }

    /** What the ENV instructions set, by name, the last one winning (quotes taken off). */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String arguments : arguments("ENV")) {
            Matcher assignment = ENV_ASSIGNMENT.matcher(arguments);
            boolean any = false;
            while (assignment.find()) {
                environment.put(assignment.group(1), assignment.group(2).replaceAll("^\"|\"$", ""));
                any = true;
            }
            if (!any) {
                String[] nameAndValue = arguments.split("\\s+", 2);
                environment.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        return environment;
    }

    /** The last USER: the user the container runs as. */
    String user() {
        List<String> users = arguments("USER");
        return users.isEmpty() ? "root" : users.get(users.size() - 1).strip();
    }
}
