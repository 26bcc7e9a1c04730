package dev.stride.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.infra.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Stride service must do on the real infrastructure of this test JVM: answer its health
 * probes with the real database among the checks, serve Prometheus metrics (both on the management port, not the
 * HTTP port), and have migrated its own
 * schema in the real PostgreSQL with Flyway. A service's test extends this as a {@code @QuarkusTest}.
 */
public abstract class ServiceSpineChecks {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource("/q/metrics")
    URL publicMetrics;

    @TestHTTPResource("/q/health/ready")
    URL publicHealth;

    /** The schema the service owns. */
    protected abstract String schema();

    /** Tables its migrations create, every one of which must be there. */
    protected abstract List<String> migratedTables();

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = get(live);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessIsUpAndChecksTheRealDatabase() throws Exception {
        HttpResponse<String> response = get(ready);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        List<String> checks = new ArrayList<>();
        health.path("checks").forEach(check -> checks.add(check.path("name").asText() + "=" + check.path("status").asText()));
        assertThat(checks).contains("Database connections health check=UP");
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> response = get(metrics);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() throws Exception {
        assertThat(metrics.getPort()).as("management port").isNotEqualTo(publicMetrics.getPort());
        assertThat(get(publicMetrics).statusCode()).as("/q/metrics on the HTTP port").isEqualTo(404);
        assertThat(get(publicHealth).statusCode()).as("/q/health on the HTTP port").isEqualTo(404);
    }

    @Test
    void flywayMigratedTheOwnSchemaInTheRealPostgres() throws Exception {
        Database database = TestInfrastructure.get().database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                query.setString(1, schema());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            assertThat(tables).contains("flyway_schema_history").containsAll(migratedTables());
            try (PreparedStatement history = connection.prepareStatement(
                    "SELECT count(*) FROM " + schema() + ".flyway_schema_history WHERE success");
                 ResultSet count = history.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).isGreaterThanOrEqualTo(1);
            }
        }
    }

    private HttpResponse<String> get(URL url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
