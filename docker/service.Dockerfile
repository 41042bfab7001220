# The image of one paymon service, built from this repository (the build context is the repository root):
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=publisher-service --build-arg PORT=8081 .
# docker-compose.yml builds the three services with it. The build stage does not depend on SERVICE, so BuildKit
# runs it once and the three images share it. JDK_IMAGE and JRE_IMAGE choose the base images (the official Eclipse
# Temurin ones unless docker-compose.yml's variables of the same names say otherwise).
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre

# ---- build: the three service jars, with the Maven wrapper; the Maven repository is a cache kept between builds
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q package -Dmaven.test.skip=true \
        -pl publisher-service,processor-service,subscriber-service -am

# ---- runtime: a JRE, the jar, a user without privileges
FROM ${JRE_IMAGE}
# Module directory of the service (its jar is target/<SERVICE>.jar) and its HTTP port (server.port).
ARG SERVICE
ARG PORT
# /var/lib/paymon holds the service's data (the processor's Kafka Streams state): a volume mounted there takes
# the owner it has in the image.
RUN groupadd --system --gid 10001 paymon \
    && useradd --system --uid 10001 --gid paymon --no-create-home --home-dir /nonexistent paymon \
    && mkdir -p /var/lib/paymon \
    && chown paymon:paymon /var/lib/paymon
WORKDIR /app
# Owned by root: the service cannot change its own code.
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER 10001:10001
EXPOSE ${PORT}
# The heap follows the container's memory limit; an OutOfMemoryError ends the JVM so that the container restarts
# instead of limping on. More options: JAVA_TOOL_OPTIONS. The JVM is PID 1 and shuts down gracefully on SIGTERM.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
