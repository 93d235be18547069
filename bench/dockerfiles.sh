#!/usr/bin/env bash
# Dockerfile linter benchmark: throughput on 1,000 Dockerfiles in one JVM (the real-world corpus of
# ../shared/dockerfiles/FILES, topped up with generated realistic ones; all generated without the corpus), and the
# cold-start wall time and peak RSS of `plimsoll dockerfile` on one file, JVM start included.
# usage: bench/dockerfiles.sh [--passes N] [--runs N] [CORPUS_DIR]   (default: ../shared/dockerfiles/FILES)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
passes=15
runs=7
while [ $# -gt 0 ]; do
  case $1 in
    --passes) passes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) break ;;
  esac
done
corpus=${1:-$root/../shared/dockerfiles/FILES}
command -v /usr/bin/time >/dev/null || { echo "bench/dockerfiles.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plimsoll=$root/bin/plimsoll
"$plimsoll" --version >/dev/null   # builds the jar (and its AOT cache) outside the measurement
# shellcheck source=../bin/jdk.sh
. "$root/bin/jdk.sh"

mkdir -p "$work/files"
real=0
if [ -d "$corpus" ]; then
  cp "$corpus"/* "$work/files/"
  real=$(find "$work/files" -type f | wc -l)
fi
python3 - "$work/files" $((1000 - real)) <<'PY'
# Realistic Dockerfiles of the common shapes (multi-stage builds of Go, Java, Node and Python services, Debian and
# Alpine tool images), with varied versions and package lists: the part of the 1,000 the corpus does not fill.
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
debs = ["curl", "ca-certificates", "git", "gnupg", "jq", "unzip", "wget", "procps", "tzdata", "less", "openssl"]
apks = ["curl", "bash", "git", "ca-certificates", "tzdata", "jq", "openssh-client", "su-exec"]
def debian():
    pk = " ".join(rnd.sample(debs, rnd.randint(2, 6)))
    return f"""FROM debian:{rnd.choice(['bookworm-slim', '12.7', 'bullseye'])}
ARG VERSION={rnd.randint(1, 9)}.{rnd.randint(0, 20)}.0
ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
RUN apt-get update \\
    && apt-get install -y --no-install-recommends {pk} \\
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 app
WORKDIR /home/app
COPY --chown=app:app entrypoint.sh /usr/local/bin/
USER app
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
"""
def go():
    return f"""# syntax=docker/dockerfile:1
FROM golang:1.{rnd.randint(20, 23)} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
EXPOSE {rnd.choice([8080, 9090, 3000])}
ENTRYPOINT ["/app"]
"""
def node():
    return f"""FROM node:{rnd.randint(18, 22)}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
FROM node:{rnd.randint(18, 22)}-alpine
RUN apk add --no-cache {" ".join(rnd.sample(apks, rnd.randint(1, 4)))}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NODE_ENV=production
USER node
CMD ["node", "server.js"]
"""
def python():
    return f"""FROM python:3.{rnd.randint(9, 13)}-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN adduser --disabled-password --gecos '' appuser
USER appuser
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
"""
def java():
    return f"""FROM maven:3.9-eclipse-temurin-{rnd.choice([17, 21])} AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests
FROM eclipse-temurin:{rnd.choice([17, 21])}-jre
RUN groupadd -r app && useradd -r -g app app
COPY --from=build /build/target/*.jar /opt/app/app.jar
USER app
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/app/app.jar"]
"""
shapes = [debian, go, node, python, java]
for i in range(max(0, n)):
    with open(f"{out}/generated-{i:04d}.Dockerfile", "w") as f:
        f.write(rnd.choice(shapes)())
PY
total=$(find "$work/files" -type f | wc -l)
echo "Dockerfiles: $total ($real from $corpus, the rest generated)"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$root/plimsoll-cli/target/plimsoll.jar" "$root/bench/LintThroughput.java" \
  "$work/files" "$passes"

# Cold start: the whole command, JVM start included, as a CI job or a pre-commit hook runs it.
all=("$work"/files/*)   # not ls | head: under pipefail, ls's SIGPIPE would end the script
cp "${all[0]}" "$work/Dockerfile"
# Without shellcheck the figure is the linter's own; with it (the default where shellcheck is installed), all RUN
# scripts of the file go to one shellcheck process.
for mode in --no-shellcheck default; do
  args=(dockerfile -q)
  [ "$mode" = default ] || args+=("$mode")
  walls=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/t" -f '%e %M' "$plimsoll" "${args[@]}" "$work/Dockerfile" >/dev/null 2>&1 || true
    read -r secs rss < <(tail -1 "$work/t")
    walls+=("$secs")
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  printf 'cold start, plimsoll dockerfile on one file (%s, %d RUNs, %d runs): min %s s, median %s s, peak RSS %d MiB\n' \
    "$mode" "$(grep -ciE '^[[:space:]]*run[[:space:]]' "$work/Dockerfile" || true)" "$runs" "$(echo "$sorted" | head -1)" \
    "$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")" $((rss / 1024))
done
