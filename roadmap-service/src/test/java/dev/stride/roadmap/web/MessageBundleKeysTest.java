package dev.stride.roadmap.web;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages are complete: every English message of a page bundle has its German key, and German has no key English
 * lacks. (Quarkus fails the build on the second, but silently falls back to English on the first.)
 */
class MessageBundleKeysTest {

    @ParameterizedTest
    @CsvSource({
            "dev.stride.roadmap.web.PageMessages, messages/msg_de.properties",
            "dev.stride.roadmap.web.ManageMessages, messages/manage_de.properties",
            "dev.stride.roadmap.web.LinkMessages, messages/link_de.properties",
            "dev.stride.roadmap.web.HomeMessages, messages/home_de.properties",
            "dev.stride.roadmap.web.CatalogMessages, messages/cat_de.properties",
            "dev.stride.roadmap.web.ChecklistMessages, messages/check_de.properties"})
    void theGermanBundleHasExactlyTheEnglishKeys(String bundle, String germanFile) throws Exception {
        Set<String> english = Arrays.stream(Class.forName(bundle).getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Message.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> german = new TreeSet<>(load(germanFile).stringPropertyNames());

        assertThat(english).as("messages of %s", bundle).isNotEmpty();
        assertThat(german).as("keys of %s", germanFile).isEqualTo(english);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
