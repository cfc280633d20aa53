# Sourced by .ci/run: makes sure PostgreSQL is installed, starts a throw-away
# cluster on localhost as a non-root user in a temporary directory, creates a
# role and a database, and exports COBRANCA_TEST_DATABASE_URL. The cluster is
# stopped and removed when the calling script exits (this replaces the caller's
# EXIT trap: a caller with its own should call stop_test_postgres from it).
# On a fresh Debian machine it installs the packages first, as root or through
# passwordless sudo (apt-get update, then a non-interactive install, no cluster
# of Debian's own); the binaries are then found in /usr/lib/postgresql/<ver>/bin
# (Debian puts no initdb or pg_ctl on PATH). Run as root, the server runs as the
# unprivileged `postgres` user (initdb and postgres refuse root).

pg_bindir() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  echo "PostgreSQL not found: installing it from the Debian packages"
  command -v apt-get >/dev/null 2>&1 || { echo "no apt-get here: install PostgreSQL (initdb, pg_ctl, postgres) another way" >&2; return 1; }
  # Root, or a CI user with passwordless sudo (GitHub's runners); never a password prompt.
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "installing PostgreSQL needs root or passwordless sudo (or install the postgresql package first)" >&2
      return 1
    fi
  fi
  # Non-interactive throughout: no debconf question, no dpkg conffile prompt (keep what is on disk).
  local apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  # A fresh machine has empty package lists: update first.
  "${apt[@]}" update
  # Only the binaries: postgresql-common first, told to create no cluster of its own, so installing the
  # server neither creates nor starts Debian's "main" cluster (ours runs on a free port from a temporary directory).
  "${apt[@]}" install --no-install-recommends postgresql-common
  if grep -qE '^[#[:space:]]*create_main_cluster' /etc/postgresql-common/createcluster.conf 2>/dev/null; then
    "${as_root[@]}" sed -ri 's/^[#[:space:]]*create_main_cluster.*$/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  else
    "${as_root[@]}" mkdir -p /etc/postgresql-common
    echo 'create_main_cluster = false' | "${as_root[@]}" tee -a /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  "${apt[@]}" install --no-install-recommends postgresql
}

# Runs a server binary as the cluster's user, from the cluster's directory (a
# caller's working directory under /root is unreadable to that user).
as_pg_user() {
  ( cd "$COBRANCA_PG_DIR" && "${COBRANCA_PG_RUNNER[@]}" "$@" )
}

start_test_postgres() {
  local bindir runner user dir port
  bindir="$(pg_bindir)" || { install_postgres && bindir="$(pg_bindir)"; } || { echo "PostgreSQL binaries not found after installing" >&2; return 1; }
  echo "PostgreSQL: $("$bindir/postgres" --version) from $bindir"

  # PostgreSQL refuses to run as root: use an unprivileged user (postgres if the packages made one).
  runner=()
  if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    if ! id "$user" >/dev/null 2>&1; then
      user=cobranca-ci
      id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    runner=(runuser -u "$user" --)
  fi

  # As root the server runs as another user, who must reach the directory: /tmp, not a TMPDIR under root's home.
  if [ "$(id -u)" -eq 0 ]; then dir="$(mktemp -d /tmp/cobranca-pg.XXXXXX)"; else dir="$(mktemp -d "${TMPDIR:-/tmp}/cobranca-pg.XXXXXX")"; fi
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown "$user" "$dir"; fi
  COBRANCA_PG_DIR="$dir"
  COBRANCA_PG_BINDIR="$bindir"
  COBRANCA_PG_RUNNER=("${runner[@]}")
  trap stop_test_postgres EXIT

  as_pg_user "$bindir/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }

  # A free port on localhost.
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")"

  # Role and database, in single-user mode (needs no client binaries).
  printf '%s\n' "CREATE ROLE cobranca LOGIN PASSWORD 'cobranca';" "CREATE DATABASE cobranca OWNER cobranca;" \
    | as_pg_user "$bindir/postgres" --single -D "$dir/data" postgres >"$dir/single.log" 2>&1 \
    || { cat "$dir/single.log" >&2; return 1; }

  # COBRANCA_PG_STAT_STATEMENTS=1 preloads pg_stat_statements (a bench's statement counts and times; then
  # CREATE EXTENSION pg_stat_statements as the postgres user, who connects without a password on localhost).
  local extra=""
  if [ "${COBRANCA_PG_STAT_STATEMENTS:-}" = 1 ]; then extra="-c shared_preload_libraries=pg_stat_statements"; fi

  # Tests run without durability (fsync, synchronous commit and full-page writes off: a throw-away cluster).
  # COBRANCA_PG_BENCH=1 starts a server as a vendor would run one instead: PostgreSQL's durability defaults
  # (all three on) with the memory and WAL sizing docs/scaling.md recommends; bench/postgres-cycle.ts prints them.
  local settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ "${COBRANCA_PG_BENCH:-}" = 1 ]; then settings="-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min"; fi

  as_pg_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=localhost -p $port -k $dir -c max_connections=60 $settings $extra" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }

  export COBRANCA_TEST_DATABASE_URL="postgres://cobranca:cobranca@localhost:$port/cobranca"
  echo "PostgreSQL test server on localhost:$port (data in $dir)"
}

stop_test_postgres() {
  if [ -n "${COBRANCA_PG_DIR:-}" ] && [ -d "$COBRANCA_PG_DIR/data" ]; then
    as_pg_user "$COBRANCA_PG_BINDIR/pg_ctl" -D "$COBRANCA_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [ -n "${COBRANCA_PG_DIR:-}" ] && rm -rf "$COBRANCA_PG_DIR"
}
