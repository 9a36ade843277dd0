/*
 * The component kinds a diagram is built from.
 *
 * NAPKIN_KINDS is the one table: the enum, the file-format names, the tags
 * drawn in boxes, the palette keys, the Graphviz and Mermaid looks, the
 * words import guesses kinds by and the help text are all generated from
 * it, so adding a kind is a one-row change here.
 */
#ifndef NAPKIN_KIND_H
#define NAPKIN_KIND_H

#include <stdbool.h>

/*
 * X(ENUM, name, tag, palette key, available, colour, dot shape, dot style,
 *   dot fill, mermaid open, mermaid close, import words, description)
 *
 * colour: the whiteboard draws each kind in one of the eight colours every
 * colour terminal has, so a board reads at a glance (the tag still says it
 * all without colour).
 *
 * available: highly available by nature -- run by the platform (cdn,
 * storage, function) or not ours to replicate (external) -- so the
 * critique never calls one a single point of failure (docs/rules.md).
 *
 * The dot shape, style and fill colour draw the kind in Graphviz exports; the
 * Mermaid brackets give its flowchart shape (["label"] is a box).  The
 * import words are what napkin import looks for in a foreign node's id,
 * label, tech, shape and icon path to guess its kind (docs/export.md):
 * a word matches itself, its plural, and, when it has five letters or more,
 * any longer word it starts ("postgres" matches "postgresql").
 */
#define NAPKIN_KINDS(X) \
	X(CLIENT,   "client",   "USR",   'u', false, COLOUR_WHITE,  "ellipse",   "filled", "#e3f2fd", "([", "])", \
	  "client user browser mobile ios android customer person visitor", \
	  "user, browser or mobile app that sends requests") \
	X(CDN,      "cdn",      "CDN",   'n', true,  COLOUR_CYAN,   "tab",       "filled", "#e0f7fa", "[\\", "/]", \
	  "cdn cloudfront cloudflare akamai fastly", \
	  "content delivery network serving cached static and media content") \
	X(GATEWAY,  "gateway",  "GW",    'g', false, COLOUR_MAGENTA, "hexagon",   "filled", "#ede7f6", "{{", "}}", \
	  "gateway gw apigw apigateway apigee kong ingress", \
	  "API gateway: routing, auth and rate limiting in front of services") \
	X(LB,       "lb",       "LB",    'l', false, COLOUR_MAGENTA, "octagon",   "filled", "#e8eaf6", "{", "}", \
	  "lb alb elb nlb balancer loadbalancer nginx haproxy envoy traefik proxy", \
	  "load balancer spreading requests over replicas") \
	X(SERVICE,  "service",  "SVC",   's', false, COLOUR_BLUE,   "box",       "filled,rounded", "#e8f5e9", "[", "]", \
	  "service svc microservice api server backend", \
	  "stateless application service answering requests") \
	X(WORKER,   "worker",   "WRK",   'w', false, COLOUR_BLUE,   "component", "filled", "#f1f8e9", "[[", "]]", \
	  "worker consumer celery sidekiq job cron batch", \
	  "background worker consuming jobs from a queue") \
	X(FUNCTION, "function", "FN",    'f', true,  COLOUR_YELLOW, "septagon",  "filled", "#fffde7", ">", "]", \
	  "function fn lambda faas serverless", \
	  "serverless function, scaled by the platform") \
	X(CACHE,    "cache",    "CACHE", 'c', false, COLOUR_RED,    "box3d",     "filled", "#ffebee", "(", ")", \
	  "cache caching redis memcache memcached elasticache valkey varnish hazelcast", \
	  "in-memory cache or key-value store (Redis, Memcached)") \
	X(DB,       "db",       "DB",    'd', false, COLOUR_GREEN,  "cylinder",  "filled", "#fff3e0", "[(", ")]", \
	  "db database sql rds aurora postgres mysql mariadb mongo cassandra dynamo " \
	  "sqlite oracle spanner cockroach elasticsearch opensearch cylinder", \
	  "database, the system of record") \
	X(BROKER,   "broker",   "Q",     'q', false, COLOUR_YELLOW, "cds",       "filled", "#fce4ec", "[/", "/]", \
	  "broker queue topic mq kafka rabbitmq rabbit sqs sns pubsub nats kinesis " \
	  "pulsar eventbridge bus", \
	  "message broker or queue (Kafka, RabbitMQ, SQS)") \
	X(STORAGE,  "storage",  "OBJ",   'o', true,  COLOUR_CYAN,   "folder",    "filled", "#efebe9", "[\\", "\\]", \
	  "storage s3 gcs blob bucket minio hdfs objectstore", \
	  "object or blob storage (S3, GCS)") \
	X(EXTERNAL, "external", "EXT",   'x', true,  COLOUR_WHITE,  "box",       "filled,dashed", "#f5f5f5", "[/", "\\]", \
	  "external thirdparty partner vendor stripe twilio sendgrid paypal", \
	  "third-party API outside the system")

enum napkin_colour {
	COLOUR_DEFAULT, COLOUR_RED, COLOUR_GREEN, COLOUR_YELLOW,
	COLOUR_BLUE, COLOUR_MAGENTA, COLOUR_CYAN, COLOUR_WHITE
};

enum node_kind {
#define KIND_ENUM(e, name, tag, key, available, colour, shape, style, fill, mopen, mclose, words, \
    desc) KIND_##e,
	NAPKIN_KINDS(KIND_ENUM)
#undef KIND_ENUM
	KIND_COUNT
};

struct kind_info {
	const char *name;	/* as written in files: "db" */
	const char *tag;	/* drawn in the box: "DB" */
	char palette_key;	/* key in the whiteboard's add palette */
	bool available;		/* highly available by nature (see above) */
	enum napkin_colour colour;	/* the whiteboard's colour for it */
	const char *dot_shape;	/* Graphviz node shape */
	const char *dot_style;	/* Graphviz node style ("filled,dashed") */
	const char *dot_fill;	/* Graphviz fill colour */
	const char *mermaid_open, *mermaid_close;	/* flowchart shape brackets */
	const char *import_words;	/* space-separated words that suggest the kind */
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
