#!/bin/sh
# npm run test:pg [vitest args] — the integration suite on PostgreSQL: starts the throwaway
# cluster, runs the tests with WEIKE_TEST_ENGINE=postgres, stops the cluster (decision 051).
set -u
URL="$(sh scripts/pg-cluster.sh start)" || exit 1
if [ "$#" -eq 0 ]; then set -- tests/integration; fi
WEIKE_TEST_ENGINE=postgres WEIKE_TEST_PG_URL="$URL" npx vitest run "$@"
rc=$?
[ -n "${WEIKE_KEEP_PG:-}" ] || sh scripts/pg-cluster.sh stop
exit $rc
