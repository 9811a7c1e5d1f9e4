/*
 * storage_pool_ns.h: fs:mount_opts and rbd:config_opts of storage pools
 * (see virStoragePoolNamespacesEnable in storage_conf.h).
 */
#pragma once

#include "storage_conf.h"

/* Reads the options of def's type from root's namespaced children. */
int virStoragePoolNamespaceParse(xmlNodePtr root, virStoragePoolDef *def);
/* The xmlns attribute for the pool element, when there are options. */
void virStoragePoolNamespaceFormatNS(virBuffer *buf,
                                     const virStoragePoolDef *def);
/* The options element, at buf's indentation. */
void virStoragePoolNamespaceFormat(virBuffer *buf,
                                   const virStoragePoolDef *def);
