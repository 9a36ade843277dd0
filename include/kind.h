/*
 * The component kinds a diagram is built from.
 *
 * NAPKIN_KINDS is the one table: the enum, the file-format names, the tags
 * drawn in boxes, the palette keys, the Graphviz shapes and the help text are
 * all generated from it, so adding a kind is a one-line change here.
 */
#ifndef NAPKIN_KIND_H
#define NAPKIN_KIND_H

#include <stdbool.h>

/*
 * X(ENUM, name, tag, palette key, dot shape, available, description)
 * available: highly available by nature -- run by the platform (cdn,
 * storage, function) or not ours to replicate (external) -- so the
 * critique never calls one a single point of failure (docs/rules.md).
 */
#define NAPKIN_KINDS(X) \
	X(CLIENT,   "client",   "USR",   'u', "box",           false, "user, browser or mobile app that sends requests") \
	X(CDN,      "cdn",      "CDN",   'n', "tab",           true,  "content delivery network serving cached static and media content") \
	X(GATEWAY,  "gateway",  "GW",    'g', "hexagon",       false, "API gateway: routing, auth and rate limiting in front of services") \
	X(LB,       "lb",       "LB",    'l', "diamond",       false, "load balancer spreading requests over replicas") \
	X(SERVICE,  "service",  "SVC",   's', "box",           false, "stateless application service answering requests") \
	X(WORKER,   "worker",   "WRK",   'w', "component",     false, "background worker consuming jobs from a queue") \
	X(FUNCTION, "function", "FN",    'f', "septagon",      true,  "serverless function, scaled by the platform") \
	X(CACHE,    "cache",    "CACHE", 'c', "box3d",         false, "in-memory cache or key-value store (Redis, Memcached)") \
	X(DB,       "db",       "DB",    'd', "cylinder",      false, "database, the system of record") \
	X(BROKER,   "broker",   "Q",     'q', "cds",           false, "message broker or queue (Kafka, RabbitMQ, SQS)") \
	X(STORAGE,  "storage",  "OBJ",   'o', "folder",        true,  "object or blob storage (S3, GCS)") \
	X(EXTERNAL, "external", "EXT",   'x', "doubleoctagon", true,  "third-party API outside the system")

enum node_kind {
#define KIND_ENUM(e, name, tag, key, shape, available, desc) KIND_##e,
	NAPKIN_KINDS(KIND_ENUM)
#undef KIND_ENUM
	KIND_COUNT
};

struct kind_info {
	const char *name;	/* as written in files: "db" */
	const char *tag;	/* drawn in the box: "DB" */
	char palette_key;	/* key in the whiteboard's add palette */
	const char *dot_shape;	/* Graphviz node shape */
	bool available;		/* highly available by nature (see above) */
	const char *description;
};

const struct kind_info *kind_info(enum node_kind kind);
const char *kind_name(enum node_kind kind);
/* Look a kind up by its file-format name; false when there is none. */
bool kind_from_name(const char *name, enum node_kind *kind);

enum edge_mode {
	EDGE_SYNC,		/* a call: the caller waits for the answer */
	EDGE_ASYNC		/* a message: fire and forget */
};

const char *edge_mode_name(enum edge_mode mode);
bool edge_mode_from_name(const char *name, enum edge_mode *mode);

#endif
