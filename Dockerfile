# One image for the three Saydo processes (docker-compose.yml picks the command):
#   node dist/apps/api/src/main.js            the HTTP API (default)
#   node dist/apps/outbox-relay/src/main.js   publishes committed events to Kafka
#   node dist/apps/projector/src/main.js      one member of the projector consumer group
#
# Build: docker build -t saydo:local .

# ---- build: all dependencies, compile TypeScript, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

COPY package.json package-lock.json ./
RUN npm ci

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

# ---- runtime: production dependencies and the compiled output only ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
