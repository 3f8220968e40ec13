# One image recipe for the three services: docker build --build-arg SERVICE=ingest-service \
#   --build-arg MAIN_CLASS=io.github.vocstream.ingest.Application .
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ${SERVICE} -am install \
 && ./mvnw -B -q -pl ${SERVICE} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/app/lib \
 && cp -r ${SERVICE}/target/classes /app/classes

FROM eclipse-temurin:17-jre
ARG MAIN_CLASS
ENV MAIN_CLASS=${MAIN_CLASS} JAVA_OPTS=""
COPY --from=build /app /app
# The aggregator keeps its state stores here; a named volume takes this ownership on first use.
RUN mkdir -p /var/lib/voc && chown 1000 /var/lib/voc
USER 1000
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/classes:/app/lib/*' $MAIN_CLASS"]
