/*
 * apigateway.c - API Gateway: HTTP and WebSocket APIs (aws_apigatewayv2_api)
 * and REST APIs (aws_api_gateway_rest_api).
 *
 * API Gateway bills calls (AWS API Gateway pricing page,
 * https://aws.amazon.com/api-gateway/pricing/), each price tiered by the
 * account's monthly volume:
 *   - HTTP APIs per request, metered in 512 KB increments (a 1 MB request
 *     is 2), first 300 million a month, then the rest;
 *   - WebSocket APIs per message, metered in 32 KB increments, first
 *     billion, then the rest, and per connection-minute;
 *   - REST APIs per request: first 333 million, next 667 million, next 19
 *     billion, over 20 billion.
 * The free tier (1 million calls of each kind and 750,000 connection
 * minutes a month) lasts 12 months for a new account: it is not deducted.
 * REST API caching is billed per cache-hour on the stage
 * (aws_api_gateway_stage), which costplan does not price; data transfer
 * out is priced where it flows (aws_data_transfer).
 *
 * Usage keys are Infracost's: monthly_requests and request_size_kb for
 * HTTP and REST APIs, monthly_messages, message_size_kb and
 * monthly_connection_mins for WebSocket APIs. Tiers apply per API here.
 */
#include <string.h>

#include "cost/types/chunks.h"
#include "cost/types/common.h"

/* ---- HTTP and WebSocket APIs ------------------------------------------------ */

static const char *const PROTOCOL[] = {"HTTP", "WEBSOCKET", NULL};

static const struct attr_spec V2_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "protocol_type", .kind = ATTR_ENUM, .choices = PROTOCOL,
	 .doc = "HTTP (per request) or WEBSOCKET (per message and connection-minute)"},
	ATTR_END,
};

static const struct usage_spec V2_USAGE[] = {
	{"monthly_requests", "requests/month", "HTTP API: requests a month"},
	{"request_size_kb", "KB", "HTTP API: request size, metered in 512 KB increments"},
	{"monthly_messages", "messages/month", "WebSocket API: messages a month, both directions"},
	{"message_size_kb", "KB", "WebSocket API: message size, metered in 32 KB increments"},
	{"monthly_connection_mins", "minutes/month", "WebSocket API: connection-minutes a month"},
	USAGE_END,
};

static void v2_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pricer_selects(p, r, "protocol_type");
	if (!strcmp(res_str(r, "protocol_type"), "WEBSOCKET")) {
		pq_set(&q, "AmazonApiGateway", "WebSocket", "ApiGatewayMessage");
		pricer_line(p, "Messages", "messages",
			    q_chunked(p, r, q_usage(p, r, "monthly_messages"), "message_size_kb", 32,
				      128),
			    &q);
		pq_set(&q, "AmazonApiGateway", "WebSocket", "ApiGatewayMinute");
		pricer_line(p, "Connection minutes", "minutes",
			    q_usage(p, r, "monthly_connection_mins"), &q);
		return;
	}
	/* HTTP payloads are at most 10 MB: 20 increments */
	pq_set(&q, "AmazonApiGateway", "API Calls", "ApiGatewayHttpRequest");
	pricer_line(p, "HTTP API requests", "requests",
		    q_chunked(p, r, q_usage(p, r, "monthly_requests"), "request_size_kb", 512, 10240),
		    &q);
}

const struct type_spec aws_apigatewayv2_api_type = {
	.type = "aws_apigatewayv2_api",
	.title = "API Gateway HTTP/WebSocket API",
	.category = CAT_NETWORK,
	.attrs = V2_ATTRS,
	.usage = V2_USAGE,
	.price = v2_price,
};

/* ---- REST APIs ----------------------------------------------------------------- */

static const struct attr_spec REST_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec REST_USAGE[] = {
	{"monthly_requests", "requests/month", "REST API requests a month"},
	USAGE_END,
};

static void rest_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "AmazonApiGateway", "API Calls", "ApiGatewayRequest");
	pricer_line(p, "REST API requests", "requests", q_usage(p, r, "monthly_requests"), &q);
}

const struct type_spec aws_api_gateway_rest_api_type = {
	.type = "aws_api_gateway_rest_api",
	.title = "API Gateway REST API",
	.category = CAT_NETWORK,
	.attrs = REST_ATTRS,
	.usage = REST_USAGE,
	.price = rest_price,
};

/* ---- free companions ------------------------------------------------------ */

/* Settings and attachments that cost nothing themselves: listed so a plan
 * or scenario can name them (shown as considered and free, never as "not
 * priced"). Any attribute is accepted. */
#define COMPANION(t, title_, why) \
	{.type = t, .title = title_, .category = CAT_FREE, .open = true, .free_reason = why}

#define API_CONFIG "API configuration is free; calls are billed on the API"

const struct type_spec aws_apigatewayv2_stage_type =
	COMPANION("aws_apigatewayv2_stage", "API Gateway v2 stage", API_CONFIG);
const struct type_spec aws_apigatewayv2_route_type =
	COMPANION("aws_apigatewayv2_route", "API Gateway v2 route", API_CONFIG);
const struct type_spec aws_apigatewayv2_integration_type =
	COMPANION("aws_apigatewayv2_integration", "API Gateway v2 integration", API_CONFIG);
const struct type_spec aws_apigatewayv2_domain_name_type =
	COMPANION("aws_apigatewayv2_domain_name", "API Gateway custom domain",
		  "custom domain names are free; the certificate and DNS are billed where they are");
const struct type_spec aws_apigatewayv2_api_mapping_type =
	COMPANION("aws_apigatewayv2_api_mapping", "API Gateway API mapping", API_CONFIG);
const struct type_spec aws_api_gateway_resource_type =
	COMPANION("aws_api_gateway_resource", "REST API resource", API_CONFIG);
const struct type_spec aws_api_gateway_method_type =
	COMPANION("aws_api_gateway_method", "REST API method", API_CONFIG);
const struct type_spec aws_api_gateway_integration_type =
	COMPANION("aws_api_gateway_integration", "REST API integration", API_CONFIG);
const struct type_spec aws_api_gateway_deployment_type =
	COMPANION("aws_api_gateway_deployment", "REST API deployment", API_CONFIG);

/* ---- REST API stage: free, unless it runs a cache --------------------------- */

static const struct attr_spec STAGE_ATTRS[] = {
	COUNT_ATTR,
	{.name = "stage_name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "cache_cluster_enabled", .kind = ATTR_BOOL, .def = "false",
	 .doc = "a dedicated cache, billed per hour by size (not priced: no snapshot rows)"},
	{.name = "cache_cluster_size", .kind = ATTR_STRING, .def = "", .doc = "GB", .info = true},
	ATTR_END,
};

static void stage_price(struct pricer_ctx *p, const struct resource *r)
{
	if (res_bool(r, "cache_cluster_enabled")) {
		pricer_not_priced(p, "a %s GB API cache: cache-hours have no price in the snapshot",
				  res_str(r, "cache_cluster_size")[0] ? res_str(r, "cache_cluster_size")
								       : "0.5");
		return;
	}
	pricer_free_line(p, "Stage", API_CONFIG);
}

const struct type_spec aws_api_gateway_stage_type = {
	.type = "aws_api_gateway_stage",
	.title = "REST API stage",
	.category = CAT_NETWORK,
	.attrs = STAGE_ATTRS,
	.price = stage_price,
};
