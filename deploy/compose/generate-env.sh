#!/bin/sh
# Writes the secrets docker-compose.yml requires into .env next to it (Compose reads that file by itself), each one
# random and new: the link-signing key, the admin password (user admin: the admin API and the demo clock), the
# stride database role's password, PostgreSQL's superuser password and each service's Kafka (SCRAM) password. docker-compose.yml has no defaults for them
# and refuses to start without them. .env is never committed (.gitignore).
#
#   deploy/compose/generate-env.sh            # writes ./.env at the project root, unless it exists
#   deploy/compose/generate-env.sh --force    # replaces it (a database volume made with the old passwords then
#                                             # needs: docker compose down --volumes)
#   STRIDE_ENV_FILE=/some/file deploy/compose/generate-env.sh   # writes elsewhere
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
file=${STRIDE_ENV_FILE:-$root/.env}

if [ -e "$file" ] && [ "${1:-}" != "--force" ]; then
  echo "generate-env.sh: $file exists; keeping it (--force replaces it)." >&2
  exit 0
fi

# URL-safe random text from the kernel's generator: $1 bytes of entropy.
random() {
  head -c "$1" /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

umask 077
tmp="$file.tmp.$$"
{
  echo "# Secrets of this machine's docker compose run, generated $(date -u +%Y-%m-%dT%H:%M:%SZ) by deploy/compose/generate-env.sh."
  echo "STRIDE_LINKS_SIGNING_KEY=$(random 48)"
  echo "STRIDE_OPERATORS_ADMIN_PASSWORD=$(random 18)"
  echo "STRIDE_DATABASE_PASSWORD=$(random 24)"
  echo "STRIDE_POSTGRES_SUPERUSER_PASSWORD=$(random 24)"
  echo "STRIDE_KAFKA_ROADMAP_PASSWORD=$(random 24)"
  echo "STRIDE_KAFKA_REMINDER_PASSWORD=$(random 24)"
  echo "STRIDE_KAFKA_NOTIFIER_PASSWORD=$(random 24)"
} > "$tmp"
mv "$tmp" "$file"
echo "generate-env.sh: wrote $file (user admin, password STRIDE_OPERATORS_ADMIN_PASSWORD in it)."
