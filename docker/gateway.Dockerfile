# syntax=docker/dockerfile:1
# The API gateway: REST API under /api, the dashboard at /, webhook delivery; port 8001.
# Build from the repository root (docker-compose.yml does this):
#   docker build -f docker/gateway.Dockerfile -t wa-monitor-gateway .

# Node.js 20 (20.19 or newer) for the build: the frontend module runs npm ci and vite.
FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:17-jdk-jammy AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# The Maven and npm caches survive between builds (BuildKit cache mounts); tests are run by CI, not here.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    chmod +x mvnw \
 && ./mvnw -B -ntp -DskipTests -pl api-gateway -am package \
 && mkdir -p /out && cp api-gateway/target/api-gateway-*.jar /out/app.jar

FROM eclipse-temurin:17-jre-jammy
# curl for the health check; the application runs as an unprivileged user.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 wamonitor \
 && useradd --system --uid 10001 --gid wamonitor --home-dir /app --no-create-home --shell /usr/sbin/nologin wamonitor \
 && mkdir -p /app/data && chown wamonitor:wamonitor /app/data && chmod 700 /app/data
WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
USER 10001:10001
# DATA_DIR is used only without MONGO_URL (the embedded MongoDB); docker-compose.yml sets MONGO_URL.
# /actuator (health, metrics) on a port of its own that is never published (docker-compose.yml).
ENV PORT=8001 \
    MANAGEMENT_PORT=9001 \
    DATA_DIR=/app/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8001 9001
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_PORT:-$PORT}/actuator/health/readiness" >/dev/null || exit 1
# JAVA_OPTS is read at start; arguments given to the container are passed on to the application.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "api-gateway"]
