#!/bin/sh
# One-shot (compose service temporal-namespace): a fresh Temporal cluster has no namespace; create
# the one dueflow uses, unless it exists already. TEMPORAL_ADDRESS is read by the temporal CLI.
set -eu

# The port opens before every internal service has joined the cluster: wait for "SERVING".
tries=0
until temporal operator cluster health >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "temporal-namespace: $TEMPORAL_ADDRESS not healthy after 120 s" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  echo "temporal-namespace: $NAMESPACE exists"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
  echo "temporal-namespace: created $NAMESPACE (retention $RETENTION)"
fi
