# syntax=docker/dockerfile:1
# wa-simulator: a local stand-in for WhatsApp Web, the phone and WhatsApp's servers (sandbox and tests only;
# no authentication by design, never expose it publicly). Port 8002.
# Build from the repository root (docker-compose.yml does this, profile "sandbox"):
#   docker build -f docker/simulator.Dockerfile -t wa-monitor-simulator .

# Node.js 20 for the build: the module fetches the pinned @wppconnect/wa-js package with npm.
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
 && ./mvnw -B -ntp -DskipTests -pl wa-simulator -am package \
 && mkdir -p /out && cp wa-simulator/target/wa-simulator-*.jar /out/app.jar

FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 wamonitor \
 && useradd --system --uid 10001 --gid wamonitor --home-dir /app --no-create-home --shell /usr/sbin/nologin wamonitor \
 && mkdir -p /app/sim-data && chown wamonitor:wamonitor /app/sim-data && chmod 700 /app/sim-data
WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
USER 10001:10001
# WhatsApp's side (phones, linked devices) is kept in /app/sim-data (a volume in docker-compose.yml).
ENV SIM_PORT=8002 \
    SIM_DATA_DIR=/app/sim-data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8002
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD curl -fsS "http://127.0.0.1:${SIM_PORT}/sim/phones" >/dev/null || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "wa-simulator"]
