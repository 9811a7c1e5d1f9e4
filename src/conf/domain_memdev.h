/*
 * domain_memdev.h: the <memory model> device family: DIMMs, NVDIMMs,
 * virtio-pmem, virtio-mem and SGX EPC sections hot-plugged into the guest.
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"
#include "domain_memory.h"
#include "util/virbitmap.h"

typedef enum {
    VIR_DOMAIN_MEMORY_MODEL_NONE = 0,
    VIR_DOMAIN_MEMORY_MODEL_DIMM,
    VIR_DOMAIN_MEMORY_MODEL_NVDIMM,
    VIR_DOMAIN_MEMORY_MODEL_VIRTIO_PMEM,
    VIR_DOMAIN_MEMORY_MODEL_VIRTIO_MEM,
    VIR_DOMAIN_MEMORY_MODEL_SGX_EPC,
    VIR_DOMAIN_MEMORY_MODEL_LAST
} virDomainMemoryModel;
VIR_ENUM_DECL(virDomainMemoryModel);

struct _virDomainMemoryDef {
    virDomainMemoryModel model;
    virDomainMemoryAccess access;
    virTristateBool discard;
    bool hasUUID; /* nvdimm <uuid> */
    unsigned char uuid[VIR_UUID_BUFLEN];
    /* <source> */
    unsigned long long pagesize; /* KiB, dimm and virtio-mem */
    virBitmap *sourceNodes;      /* dimm, virtio-mem, sgx-epc */
    char *path;                  /* nvdimm, virtio-pmem */
    unsigned long long alignsize; /* KiB, nvdimm */
    bool pmem;                    /* nvdimm */
    /* <target> */
    unsigned long long size; /* KiB: counts towards the domain's memory */
    int targetNode;          /* -1: none */
    unsigned long long labelsize; /* KiB, nvdimm */
    bool readonly;                /* nvdimm */
    unsigned long long blocksize; /* KiB, virtio-mem */
    unsigned long long requestedsize; /* KiB, virtio-mem */
    unsigned long long currentsize;   /* KiB, virtio-mem, live only */
    virDomainDeviceInfo info;
};
