import {
  ColorizeError
} from "./chunk-QUYJNQPH.js";

// dist/queue/connection.js
var DEFAULT_QUEUE = "colorize";
function redisUrl(flag, env = process.env) {
  const url = flag ?? env.COLORIZE_REDIS_URL;
  if (url === void 0 || url.trim() === "")
    throw new ColorizeError("no Redis to use: give --redis URL (e.g. redis://127.0.0.1:6379) or set COLORIZE_REDIS_URL", "usage");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new ColorizeError(`--redis ${url}: not a URL (expected redis://HOST:PORT)`, "usage");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
    throw new ColorizeError(`--redis ${url}: expected a redis:// or rediss:// URL`, "usage");
  return url;
}
function shownUrl(url) {
  try {
    const u = new URL(url);
    if (u.password)
      u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}
async function connectRedis(url) {
  let connected = false;
  const { Redis: RedisClient } = await import("ioredis");
  const redis = new RedisClient(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    connectTimeout: 5e3,
    retryStrategy: (times) => connected ? Math.min(times * 200, 2e3) : null
  });
  let lastError;
  redis.on("error", (err) => {
    lastError = err;
  });
  try {
    await redis.connect();
    connected = true;
  } catch (err) {
    redis.disconnect();
    const why = (lastError ?? err)?.message ?? String(err);
    throw new ColorizeError(`cannot reach Redis at ${shownUrl(url)}: ${why}`, "io");
  }
  return redis;
}

export {
  DEFAULT_QUEUE,
  redisUrl,
  shownUrl,
  connectRedis
};
