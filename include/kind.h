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

/* X(ENUM, name, tag, palette key, dot shape, colour, description) */
#define NAPKIN_KINDS(X) \
	X(CLIENT,   "client",   "USR",   'u', "box",           COLOUR_WHITE,   "user, browser or mobile app that sends requests") \
	X(CDN,      "cdn",      "CDN",   'n', "tab",           COLOUR_CYAN,    "content delivery network serving cached static and media content") \
	X(GATEWAY,  "gateway",  "GW",    'g', "hexagon",       COLOUR_MAGENTA, "API gateway: routing, auth and rate limiting in front of services") \
	X(LB,       "lb",       "LB",    'l', "diamond",       COLOUR_MAGENTA, "load balancer spreading requests over replicas") \
	X(SERVICE,  "service",  "SVC",   's', "box",           COLOUR_BLUE,    "stateless application service answering requests") \
	X(WORKER,   "worker",   "WRK",   'w', "component",     COLOUR_BLUE,    "background worker consuming jobs from a queue") \
	X(FUNCTION, "function", "FN",    'f', "septagon",      COLOUR_YELLOW,  "serverless function, scaled by the platform") \
	X(CACHE,    "cache",    "CACHE", 'c', "box3d",         COLOUR_RED,     "in-memory cache or key-value store (Redis, Memcached)") \
	X(DB,       "db",       "DB",    'd', "cylinder",      COLOUR_GREEN,   "database, the system of record") \
	X(BROKER,   "broker",   "Q",     'q', "cds",           COLOUR_YELLOW,  "message broker or queue (Kafka, RabbitMQ, SQS)") \
	X(STORAGE,  "storage",  "OBJ",   'o', "folder",        COLOUR_CYAN,    "object or blob storage (S3, GCS)") \
	X(EXTERNAL, "external", "EXT",   'x', "doubleoctagon", COLOUR_WHITE,   "third-party API outside the system")

/*
 * The eight colours every colour terminal has; the whiteboard draws each
 * kind in one so a board reads at a glance (the tag still says it all
 * without colour).
 */
enum napkin_colour {
	COLOUR_DEFAULT, COLOUR_RED, COLOUR_GREEN, COLOUR_YELLOW,
	COLOUR_BLUE, COLOUR_MAGENTA, COLOUR_CYAN, COLOUR_WHITE
};

enum node_kind {
#define KIND_ENUM(e, name, tag, key, shape, colour, desc) KIND_##e,
	NAPKIN_KINDS(KIND_ENUM)
#undef KIND_ENUM
	KIND_COUNT
};

struct kind_info {
	const char *name;	/* as written in files: "db" */
	const char *tag;	/* drawn in the box: "DB" */
	char palette_key;	/* key in the whiteboard's add palette */
	const char *dot_shape;	/* Graphviz node shape */
	enum napkin_colour colour;	/* the whiteboard's colour for it */
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
