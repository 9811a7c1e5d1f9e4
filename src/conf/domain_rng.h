/*
 * domain_rng.h: the <rng model> device family with its <rate> and
 * <backend>.
 */
#pragma once

#include "device_info.h"
#include "domain_chr.h"
#include "domain_virtio.h"

typedef enum {
    VIR_DOMAIN_RNG_MODEL_VIRTIO = 0,
    VIR_DOMAIN_RNG_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_RNG_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_RNG_MODEL_LAST
} virDomainRNGModel;
VIR_ENUM_DECL(virDomainRNGModel);

typedef enum {
    VIR_DOMAIN_RNG_BACKEND_RANDOM = 0,
    VIR_DOMAIN_RNG_BACKEND_EGD,
    VIR_DOMAIN_RNG_BACKEND_BUILTIN,
    VIR_DOMAIN_RNG_BACKEND_LAST
} virDomainRNGBackend;
VIR_ENUM_DECL(virDomainRNGBackend);

struct _virDomainRNGDef {
    virDomainRNGModel model;
    virDomainRNGBackend backend;
    unsigned int rate;   /* bytes per period, 0: unlimited */
    unsigned int period; /* milliseconds, 0: not set */
    char *file;                     /* random: the host device */
    virDomainChrSourceDef *chardev; /* egd */
    virDomainVirtioOptions virtio;
    virDomainDeviceInfo info;
};
