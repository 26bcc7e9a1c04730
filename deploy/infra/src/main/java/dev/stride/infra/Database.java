package dev.stride.infra;

/** How to reach the one PostgreSQL database the services share (each owns its own schema in it). */
public record Database(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "Database[" + jdbcUrl + " as " + username + "]";
    }
}
