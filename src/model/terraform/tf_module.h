/*
 * tf_module.h - where a module call's configuration is: local paths
 * ("./x", "../x") relative to the calling module, anything else (registry,
 * git, http, s3 sources) through .terraform/modules/modules.json, the
 * manifest `terraform init` writes in the root module (Modules[] with Key
 * "parent.child", Source and Dir relative to the root).
 *
 * A module that is not installed is not an error: the call gets no
 * configuration and a reason naming the source and the fix, e.g.
 * "registry source terraform-aws-modules/vpc/aws: not installed; run
 * `terraform init`" (the caller adds the address). A local path that does not exist is
 * an error at the source argument.
 *
 * Each directory is parsed once, however many calls use it.
 *
 * Ownership: arena.
 */
#ifndef COSTPLAN_TF_MODULE_H
#define COSTPLAN_TF_MODULE_H

#include "model/terraform/tf_eval.h"

/* Read the manifest if there is one (malformed: an error). */
void tf_module_manifest(struct tf_loader *L);
/* The configuration of a call from parent (keypath: parent's modules.json
 * key, "" for the root). NULL and *missing set when not installed;
 * *cfgdir the module's path relative to the root. */
const struct tf_module_cfg *tf_module_resolve(struct tf_loader *L, const struct tf_module_cfg *parent,
					      const char *parent_keypath,
					      const struct tf_modcall *call, const char **missing);

#endif
