/*
 * domain_shmem.h: the <shmem name role> device family (ivshmem shared
 * memory).
 */
#pragma once

#include "device_info.h"
#include "domain_devices.h"

typedef enum {
    VIR_DOMAIN_SHMEM_MODEL_IVSHMEM = 0,
    VIR_DOMAIN_SHMEM_MODEL_IVSHMEM_PLAIN,
    VIR_DOMAIN_SHMEM_MODEL_IVSHMEM_DOORBELL,
    VIR_DOMAIN_SHMEM_MODEL_LAST
} virDomainShmemModel;
VIR_ENUM_DECL(virDomainShmemModel);

typedef enum {
    VIR_DOMAIN_SHMEM_ROLE_DEFAULT = 0,
    VIR_DOMAIN_SHMEM_ROLE_MASTER,
    VIR_DOMAIN_SHMEM_ROLE_PEER,
    VIR_DOMAIN_SHMEM_ROLE_LAST
} virDomainShmemRole;
VIR_ENUM_DECL(virDomainShmemRole);

struct _virDomainShmemDef {
    char *name;
    virDomainShmemRole role;
    virDomainShmemModel model;
    unsigned long long size; /* bytes, 0: not set */
    bool server;
    char *serverPath;
    bool msi;
    unsigned int msiVectors;
    virTristateSwitch msiIoeventfd;
    virDomainDeviceInfo info;
};
