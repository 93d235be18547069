#!/usr/bin/env bash
# Starts the production stack on a single host.
set -euo pipefail

REGISTRY=registry.example.com
docker network create backend || true

# Reverse proxy; only 443 is public.
docker run -d --name proxy \
  --restart unless-stopped \
  -p 443:443 -p 127.0.0.1:8080:80/tcp \
  -p "[::1]:9443:9443" \
  --cap-drop ALL --cap-add NET_BIND_SERVICE \
  --read-only --tmpfs /run:rw,size=64m --tmpfs /var/cache/nginx \
  --security-opt no-new-privileges:true \
  --security-opt apparmor=docker-nginx \
  -v /srv/www:/usr/share/nginx/html:ro \
  --mount type=volume,src=certs,dst=/etc/nginx/certs,readonly \
  -m 256m --cpus 0.5 --pids-limit 100 \
  --health-cmd 'curl -fsS http://localhost/healthz || exit 1' \
  "$REGISTRY/proxy:2.4.1"

docker container create --name=db -u 999:999 --memory=1g --cpu-shares=512 \
  --ulimit nofile=1024:2048 --ulimit nproc=512 \
  -e POSTGRES_PASSWORD_FILE=/run/secrets/pg \
  postgres:16 postgres -c shared_buffers=256MB   # command, not flags

echo "now the agent" && sudo docker run -itd --privileged --pid=host --net host --userns=host \
  --cgroupns host --ipc host --uts=host -v /:/host:rshared,ro \
  --device /dev/kmsg --device=/dev/sda:/dev/xvda:r \
  --security-opt seccomp=unconfined --security-opt label=disable \
  --no-healthcheck --restart on-failure:5 --cgroup-parent /agents.slice \
  -p 8000-8002:9000-9002/udp \
  monitoring/agent:latest --collect-all
docker ps
