# syntax=docker/dockerfile:1
# The browser worker: one headless Chromium per WhatsApp account (playwright-java driving Debian's chromium);
# health and metrics on port 8003. Its sessions directory is the WhatsApp logins: mount a persistent volume at
# /data/whatsapp-sessions (docker-compose.yml mounts the volume whatsapp-sessions there).
# Build from the repository root (docker-compose.yml does this):
#   docker build -f docker/worker.Dockerfile -t wa-monitor-worker .

# Node.js 20 for the build: the module fetches the pinned @wppconnect/wa-js bundle with npm.
FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:17-jdk-jammy AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    chmod +x mvnw \
 && ./mvnw -B -ntp -DskipTests -pl browser-worker -am package \
 && mkdir -p /out && cp browser-worker/target/browser-worker-*.jar /out/app.jar

# Debian, not the Ubuntu-based Temurin images: Ubuntu ships Chromium only as a snap, Debian as a package.
FROM debian:12-slim
# Java 17, Chromium and the fonts WhatsApp Web needs (Latin text and emoji), tini to reap the browsers'
# orphaned processes, curl for the health check. (man1 must exist for the JRE's postinst in slim images.)
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless chromium fonts-liberation fonts-noto-color-emoji ca-certificates curl tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 wamonitor \
 && useradd --system --uid 10001 --gid wamonitor --create-home --home-dir /home/wamonitor --shell /usr/sbin/nologin wamonitor \
 && mkdir -p /data/whatsapp-sessions \
 && chown wamonitor:wamonitor /data/whatsapp-sessions \
 && chmod 700 /data/whatsapp-sessions

# Sandbox only. wa-simulator's page needs a secure context (crypto.subtle), which a plain-http origin other
# than localhost is not, e.g. http://wa-simulator:8002 in docker-compose.yml. When WA_WEB_URL is such a URL,
# Debian's chromium launcher (which sources /etc/chromium.d/*) gets a flag treating that one origin as secure.
# With the default https://web.whatsapp.com/ nothing changes.
COPY --chmod=0644 <<'SH' /etc/chromium.d/zz-wa-monitor-insecure-origin
case "${WA_WEB_URL:-}" in
  http://localhost[:/]*|http://127.0.0.1[:/]*|http://localhost|http://127.0.0.1) ;;
  http://*)
    wa_origin=$(printf '%s\n' "$WA_WEB_URL" | sed -E 's|^(http://[^/?#]+).*$|\1|')
    export CHROMIUM_FLAGS="$CHROMIUM_FLAGS --unsafely-treat-insecure-origin-as-secure=$wa_origin"
    ;;
esac
SH

WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
USER 10001:10001
# The JVM heap stays small: the memory goes to the browsers, outside the JVM.
ENV WORKER_PORT=8003 \
    WHATSAPP_SESSIONS_DIR=/data/whatsapp-sessions \
    CHROMIUM_PATH=/usr/bin/chromium \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    HOME=/home/wamonitor \
    JAVA_OPTS="-XX:MaxRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8003
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD curl -fsS "http://127.0.0.1:${WORKER_PORT}/actuator/health" >/dev/null || exit 1
ENTRYPOINT ["/usr/bin/tini", "--", "sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "browser-worker"]
