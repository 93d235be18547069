#!/bin/sh
# The api container as the operations runbook starts it.
docker run -d --name api \
  --user 1000:1000 \
  --cap-drop ALL --cap-add NET_BIND_SERVICE \
  --read-only --tmpfs /tmp:rw,size=32m \
  --security-opt no-new-privileges:true --security-opt seccomp=unconfined \
  --network bridge --ipc private --cgroupns private \
  -p 127.0.0.1:8443:443 -p 9000:9000/udp \
  -v /srv/api/config:/etc/api:ro -v apidata:/var/lib/api \
  --mount type=bind,src=/run/secrets,dst=/run/secrets,readonly \
  --device /dev/net/tun \
  -m 512m --cpus 1.25 --cpu-shares 256 --pids-limit 64 \
  --ulimit nofile=4096:8192 \
  --restart on-failure:3 \
  --health-cmd "wget -qO- http://localhost:8080/health || exit 1" \
  --cgroup-parent /api.slice \
  registry.example.com/api:1.4.2 serve --port 8080
