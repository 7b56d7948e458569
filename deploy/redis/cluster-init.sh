#!/bin/sh
# Forms the Redis Cluster of deploy/compose.yaml once: 3 masters, one replica each. Run again, it
# sees the cluster formed and exits 0.
set -eu
NODES="redis-1 redis-2 redis-3 redis-4 redis-5 redis-6"
for node in $NODES; do
  until redis-cli -h "$node" ping 2>/dev/null | grep -q PONG; do sleep 1; done
done
if redis-cli -h redis-1 cluster info | grep -q '^cluster_state:ok'; then
  echo "redis cluster already formed"
  exit 0
fi
# redis-cli --cluster create takes addresses; the nodes announce their names afterwards.
addresses=""
for node in $NODES; do
  addresses="$addresses $(getent hosts "$node" | awk '{ print $1 }'):6379"
done
# shellcheck disable=SC2086
redis-cli --cluster create $addresses --cluster-replicas 1 --cluster-yes
until redis-cli -h redis-1 cluster info | grep -q '^cluster_state:ok'; do sleep 1; done
echo "redis cluster formed"
