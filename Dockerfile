# Berth's container image. Build: docker build -t berth:0.1.0 .
# (CI, which cannot pull base images, builds the same layout without a daemon: deploy/image/build.sh.)

# 1. Build: all dependencies, compile, then keep only the production ones.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx nest build \
  && npm prune --omit=dev --no-audit --no-fund \
  # the image has its own Node; the npm "node" package is only for machines with an older one
  && rm -rf node_modules/node node_modules/.bin/node

# 2. Run: Node, the compiled service and its production dependencies, as an unprivileged user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    BERTH_METRICS_PORT=9464 \
    BERTH_LOG_FORMAT=json
WORKDIR /app
COPY --from=build --chown=0:0 /app/package.json ./
COPY --from=build --chown=0:0 /app/node_modules ./node_modules
COPY --from=build --chown=0:0 /app/dist ./dist
# A numeric user, so Kubernetes can check runAsNonRoot; files stay root-owned and read-only to it.
USER 10001:10001
EXPOSE 3000 9464
ENTRYPOINT ["node", "dist/main.js"]
