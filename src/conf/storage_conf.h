/*
 * storage_conf.h: the <pool> and <volume> documents of the storage API,
 * and the <storagepoolCapabilities> a driver reports.
 *
 * A volume is always read and written in the context of its pool: the
 * pool type decides which volume formats exist and which one is the
 * default.
 */
#pragma once

#include <stdbool.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "storage_auth.h"
#include "storage_encryption.h"
#include "storage_source.h"

typedef enum {
    VIR_STORAGE_POOL_DIR,
    VIR_STORAGE_POOL_FS,
    VIR_STORAGE_POOL_NETFS,
    VIR_STORAGE_POOL_LOGICAL,
    VIR_STORAGE_POOL_DISK,
    VIR_STORAGE_POOL_ISCSI,
    VIR_STORAGE_POOL_ISCSI_DIRECT,
    VIR_STORAGE_POOL_SCSI,
    VIR_STORAGE_POOL_MPATH,
    VIR_STORAGE_POOL_RBD,
    VIR_STORAGE_POOL_SHEEPDOG,
    VIR_STORAGE_POOL_GLUSTER,
    VIR_STORAGE_POOL_ZFS,
    VIR_STORAGE_POOL_VSTORAGE,
    VIR_STORAGE_POOL_LAST
} virStoragePoolType;
VIR_ENUM_DECL(virStoragePool);

typedef enum {
    VIR_STORAGE_POOL_FS_AUTO,
    VIR_STORAGE_POOL_FS_EXT2,
    VIR_STORAGE_POOL_FS_EXT3,
    VIR_STORAGE_POOL_FS_EXT4,
    VIR_STORAGE_POOL_FS_UFS,
    VIR_STORAGE_POOL_FS_ISO,
    VIR_STORAGE_POOL_FS_UDF,
    VIR_STORAGE_POOL_FS_GFS,
    VIR_STORAGE_POOL_FS_GFS2,
    VIR_STORAGE_POOL_FS_VFAT,
    VIR_STORAGE_POOL_FS_HFSPLUS,
    VIR_STORAGE_POOL_FS_XFS,
    VIR_STORAGE_POOL_FS_OCFS2,
    VIR_STORAGE_POOL_FS_VMFS,
    VIR_STORAGE_POOL_FS_LAST
} virStoragePoolFormatFileSystem;
VIR_ENUM_DECL(virStoragePoolFormatFileSystem);

typedef enum {
    VIR_STORAGE_POOL_NETFS_AUTO,
    VIR_STORAGE_POOL_NETFS_NFS,
    VIR_STORAGE_POOL_NETFS_GLUSTERFS,
    VIR_STORAGE_POOL_NETFS_CIFS,
    VIR_STORAGE_POOL_NETFS_LAST
} virStoragePoolFormatFileSystemNet;
VIR_ENUM_DECL(virStoragePoolFormatFileSystemNet);

typedef enum {
    VIR_STORAGE_POOL_DISK_UNKNOWN,
    VIR_STORAGE_POOL_DISK_DOS,
    VIR_STORAGE_POOL_DISK_DVH,
    VIR_STORAGE_POOL_DISK_GPT,
    VIR_STORAGE_POOL_DISK_MAC,
    VIR_STORAGE_POOL_DISK_BSD,
    VIR_STORAGE_POOL_DISK_PC98,
    VIR_STORAGE_POOL_DISK_SUN,
    VIR_STORAGE_POOL_DISK_LVM2,
    VIR_STORAGE_POOL_DISK_LAST
} virStoragePoolFormatDisk;
VIR_ENUM_DECL(virStoragePoolFormatDisk);

typedef enum {
    VIR_STORAGE_POOL_LOGICAL_UNKNOWN,
    VIR_STORAGE_POOL_LOGICAL_LVM2,
    VIR_STORAGE_POOL_LOGICAL_LAST
} virStoragePoolFormatLogical;
VIR_ENUM_DECL(virStoragePoolFormatLogical);

/* The volume types (<volume type=...>): virStorageVolType is public. */
VIR_ENUM_DECL(virStorageVol);

/* Volumes in file based pools use virStorageFileFormat (storage_source.h). */

/* Partition types of volumes in disk pools. */
typedef enum {
    VIR_STORAGE_VOL_DISK_NONE,
    VIR_STORAGE_VOL_DISK_LINUX,
    VIR_STORAGE_VOL_DISK_FAT16,
    VIR_STORAGE_VOL_DISK_FAT32,
    VIR_STORAGE_VOL_DISK_LINUX_SWAP,
    VIR_STORAGE_VOL_DISK_LINUX_LVM,
    VIR_STORAGE_VOL_DISK_LINUX_RAID,
    VIR_STORAGE_VOL_DISK_EXTENDED,
    VIR_STORAGE_VOL_DISK_LAST
} virStorageVolFormatDisk;
VIR_ENUM_DECL(virStorageVolFormatDisk);

typedef enum {
    VIR_STORAGE_VOL_FEATURE_LAZY_REFCOUNTS,
    VIR_STORAGE_VOL_FEATURE_EXTENDED_L2,
    VIR_STORAGE_VOL_FEATURE_LAST
} virStorageVolFeature;
VIR_ENUM_DECL(virStorageVolFeature);

typedef enum {
    VIR_STORAGE_ADAPTER_TYPE_DEFAULT,
    VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST,
    VIR_STORAGE_ADAPTER_TYPE_FC_HOST,
    VIR_STORAGE_ADAPTER_TYPE_LAST
} virStorageAdapterType;
VIR_ENUM_DECL(virStorageAdapter);

typedef enum {
    VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_DEFAULT,
    VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_CAPACITY,
    VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_LAST
} virStorageVolDefRefreshAllocation;
VIR_ENUM_DECL(virStorageVolDefRefreshAllocation);

/* Ownership and mode of a pool target or volume; -1 means "not set". */
typedef struct _virStoragePerms virStoragePerms;
struct _virStoragePerms {
    int mode;
    unsigned int uid;
    unsigned int gid;
    char *label;
};
#define VIR_STORAGE_PERM_UNSET ((unsigned int) -1)

typedef struct _virStoragePoolSourceHost virStoragePoolSourceHost;
struct _virStoragePoolSourceHost {
    char *name;
    int port;
};

typedef struct _virStorageExtent virStorageExtent;
struct _virStorageExtent {
    char *path;     /* volumes only: the device holding the extent */
    unsigned long long start;
    unsigned long long end;
};

typedef struct _virStoragePoolSourceDevice virStoragePoolSourceDevice;
struct _virStoragePoolSourceDevice {
    char *path;
    virTristateBool part_separator;
    size_t nfreeExtent;     /* filled by a refresh, never parsed */
    virStorageExtent *freeExtents;
};

typedef struct _virStorageAdapter virStorageAdapterDef;
struct _virStorageAdapter {
    virStorageAdapterType type;
    /* scsi_host */
    char *name;
    bool has_parent;
    int unique_id;
    unsigned int pci_domain;
    unsigned int pci_bus;
    unsigned int pci_slot;
    unsigned int pci_function;
    /* fc_host */
    char *parent;
    char *parent_wwnn;
    char *parent_wwpn;
    char *parent_fabric_wwn;
    char *wwnn;
    char *wwpn;
    virTristateBool managed;
};

typedef struct _virStoragePoolSource virStoragePoolSource;
struct _virStoragePoolSource {
    size_t nhost;
    virStoragePoolSourceHost *hosts;
    size_t ndevice;
    virStoragePoolSourceDevice *devices;
    char *dir;
    virStorageAdapterDef adapter;
    char *name;
    char *initiator_iqn;
    virStorageAuthDef *auth;
    int format;     /* enum of the pool type's format table */
    char *protocolVer;
    char *vendor;
    char *product;
};

typedef struct _virStoragePoolDef virStoragePoolDef;
struct _virStoragePoolDef {
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    virStoragePoolType type;
    /* runtime figures: never parsed, set by the driver */
    unsigned long long capacity;
    unsigned long long allocation;
    unsigned long long available;
    virTristateBool cow;
    virStoragePoolSource source;
    char *target_path;
    virStoragePerms target_perms;
    bool has_refresh;
    virStorageVolDefRefreshAllocation refresh_allocation;
    /* fs:mount_opts (fs, netfs) or rbd:config_opts (rbd) options, read
     * only once virStoragePoolNamespacesEnable() was called; fs options
     * have no values */
    size_t nnsopts;
    char **nsNames;
    char **nsValues;
};

/* The storage driver's fs and rbd backends own the fs: and rbd: pool
 * namespaces; like upstream, the parser keeps them only after such a
 * driver enabled them (upstream's test driver never does). */
void virStoragePoolNamespacesEnable(bool enable);

void virStoragePoolDefFree(virStoragePoolDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolDef, virStoragePoolDefFree);

/* flags: VIR_STORAGE_POOL_DEFINE_VALIDATE. */
virStoragePoolDef *virStoragePoolDefParseString(const char *xml,
                                                unsigned int flags);
char *virStoragePoolDefFormat(const virStoragePoolDef *def);

/* ---- Volumes ---- */

typedef struct _virStorageTimestamp virStorageTimestamp;
struct _virStorageTimestamp {
    long long sec;
    long nsec;      /* negative: unknown, not formatted */
};

/* The <target> and <backingStore> of a volume share this shape. */
typedef struct _virStorageVolTarget virStorageVolTarget;
struct _virStorageVolTarget {
    char *path;
    int format;
    virStoragePerms perms;
    bool has_timestamps;        /* live only, set by a refresh */
    virStorageTimestamp atime;
    virStorageTimestamp mtime;
    virStorageTimestamp ctime;
    virStorageTimestamp btime;
    virStorageEncryption *encryption;
    char *compat;
    bool nocow;
    unsigned long long clusterSize;
    bool has_features;
    bool features[VIR_STORAGE_VOL_FEATURE_LAST];
};

typedef struct _virStorageVolDef virStorageVolDef;
struct _virStorageVolDef {
    char *name;
    char *key;
    virStorageVolType type;
    size_t nextent;             /* set by a refresh, never parsed */
    virStorageExtent *extents;
    unsigned long long capacity;
    unsigned long long allocation;
    bool has_allocation;
    unsigned long long physical;    /* output only */
    virStorageVolTarget target;
    virStorageVolTarget *backingStore;
};

typedef enum {
    VIR_VOL_XML_PARSE_NO_CAPACITY = 1 << 0,
    VIR_VOL_XML_PARSE_OPT_CAPACITY = 1 << 1,
    VIR_VOL_XML_PARSE_VALIDATE = 1 << 2,
} virStorageVolDefParseFlags;

void virStorageVolDefFree(virStorageVolDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageVolDef, virStorageVolDefFree);

virStorageVolDef *virStorageVolDefParseString(const virStoragePoolDef *pool,
                                              const char *xml,
                                              unsigned int flags);
char *virStorageVolDefFormat(const virStoragePoolDef *pool,
                             const virStorageVolDef *def);

/* ---- Capabilities ---- */

/* <storagepoolCapabilities>: supported[t] says whether the driver has a
 * backend for pool type t (NULL: none has). */
char *virStoragePoolCapsFormat(const bool *supported);
