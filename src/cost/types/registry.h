/*
 * registry.h - install the resource types (registry.c) into the schema
 * (model/schema.h). main(), the unit tests and the fuzzers call it once
 * before loading any scenario or plan.
 */
#ifndef COSTPLAN_TYPES_REGISTRY_H
#define COSTPLAN_TYPES_REGISTRY_H

void resource_types_install(void);

#endif
