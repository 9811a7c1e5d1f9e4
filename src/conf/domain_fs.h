/*
 * domain_fs.h: the <filesystem> device family: a host directory, image,
 * block device, template, RAM or volume exported to the guest (9p,
 * virtiofs, or a container's mount).
 */
#pragma once

#include "domain_devices.h"
#include "device_info.h"
#include "domain_virtio.h"
#include "storage_source.h"

typedef enum {
    VIR_DOMAIN_FS_TYPE_MOUNT = 0,
    VIR_DOMAIN_FS_TYPE_BLOCK,
    VIR_DOMAIN_FS_TYPE_FILE,
    VIR_DOMAIN_FS_TYPE_TEMPLATE,
    VIR_DOMAIN_FS_TYPE_RAM,
    VIR_DOMAIN_FS_TYPE_BIND,
    VIR_DOMAIN_FS_TYPE_VOLUME,
    VIR_DOMAIN_FS_TYPE_LAST
} virDomainFSType;
VIR_ENUM_DECL(virDomainFS);

typedef enum {
    VIR_DOMAIN_FS_DRIVER_TYPE_DEFAULT = 0,
    VIR_DOMAIN_FS_DRIVER_TYPE_PATH,
    VIR_DOMAIN_FS_DRIVER_TYPE_HANDLE,
    VIR_DOMAIN_FS_DRIVER_TYPE_LOOP,
    VIR_DOMAIN_FS_DRIVER_TYPE_NBD,
    VIR_DOMAIN_FS_DRIVER_TYPE_PLOOP,
    VIR_DOMAIN_FS_DRIVER_TYPE_VIRTIOFS,
    VIR_DOMAIN_FS_DRIVER_TYPE_LAST
} virDomainFSDriverType;
VIR_ENUM_DECL(virDomainFSDriver);

typedef enum {
    VIR_DOMAIN_FS_ACCESSMODE_DEFAULT = 0,
    VIR_DOMAIN_FS_ACCESSMODE_PASSTHROUGH,
    VIR_DOMAIN_FS_ACCESSMODE_MAPPED,
    VIR_DOMAIN_FS_ACCESSMODE_SQUASH,
    VIR_DOMAIN_FS_ACCESSMODE_LAST
} virDomainFSAccessMode;
VIR_ENUM_DECL(virDomainFSAccessMode);

typedef enum {
    VIR_DOMAIN_FS_WRPOLICY_DEFAULT = 0,
    VIR_DOMAIN_FS_WRPOLICY_IMMEDIATE,
    VIR_DOMAIN_FS_WRPOLICY_LAST
} virDomainFSWrpolicy;
VIR_ENUM_DECL(virDomainFSWrpolicy);

typedef enum {
    VIR_DOMAIN_FS_MODEL_DEFAULT = 0,
    VIR_DOMAIN_FS_MODEL_VIRTIO,
    VIR_DOMAIN_FS_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_FS_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_FS_MODEL_LAST
} virDomainFSModel;
VIR_ENUM_DECL(virDomainFSModel);

typedef enum {
    VIR_DOMAIN_FS_MULTIDEVS_DEFAULT = 0,
    VIR_DOMAIN_FS_MULTIDEVS_REMAP,
    VIR_DOMAIN_FS_MULTIDEVS_FORBID,
    VIR_DOMAIN_FS_MULTIDEVS_WARN,
    VIR_DOMAIN_FS_MULTIDEVS_LAST
} virDomainFSMultidevs;
VIR_ENUM_DECL(virDomainFSMultidevs);

typedef enum {
    VIR_DOMAIN_FS_CACHE_MODE_DEFAULT = 0,
    VIR_DOMAIN_FS_CACHE_MODE_NONE,
    VIR_DOMAIN_FS_CACHE_MODE_ALWAYS,
    VIR_DOMAIN_FS_CACHE_MODE_LAST
} virDomainFSCacheMode;
VIR_ENUM_DECL(virDomainFSCacheMode);

typedef enum {
    VIR_DOMAIN_FS_SANDBOX_MODE_DEFAULT = 0,
    VIR_DOMAIN_FS_SANDBOX_MODE_NAMESPACE,
    VIR_DOMAIN_FS_SANDBOX_MODE_CHROOT,
    VIR_DOMAIN_FS_SANDBOX_MODE_LAST
} virDomainFSSandboxMode;
VIR_ENUM_DECL(virDomainFSSandboxMode);

struct _virDomainFSDef {
    virDomainFSType type;
    virDomainFSAccessMode accessmode;
    virDomainFSModel model;
    virDomainFSMultidevs multidevs;
    unsigned int fmode; /* 0: unset */
    unsigned int dmode;

    /* <driver type format wrpolicy queue> */
    virDomainFSDriverType fsdriver;
    virStorageFileFormat format;
    virDomainFSWrpolicy wrpolicy;
    unsigned long long queue_size;
    virDomainVirtioOptions virtio;

    /* <binary path xattr> with <cache>, <sandbox>, <lock>, <thread_pool>
     * (virtiofs only) */
    char *binary;
    virTristateSwitch xattr;
    virDomainFSCacheMode cache;
    virDomainFSSandboxMode sandbox;
    virTristateSwitch posix_lock;
    virTristateSwitch flock;
    int thread_pool_size; /* -1: unset */

    /* <source>: path (dir/dev/file/name), socket, RAM usage or volume */
    char *path;
    char *sock;
    unsigned long long usage; /* bytes */
    char *pool;
    char *volume;

    char *dst;
    bool readonly;
    unsigned long long space_hard_limit; /* bytes */
    unsigned long long space_soft_limit;

    virDomainDeviceInfo info; /* with <boot> */
};
