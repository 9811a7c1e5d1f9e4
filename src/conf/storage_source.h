/*
 * storage_source.h: a storage source, the thing behind a disk: a file,
 * block device, directory, network export, pool volume, NVMe namespace or
 * vhost-user socket, with its credentials, encryption, security labels and
 * backing chain.  Used by domain disks (<source>, <backingStore>,
 * <mirror>) and meant to be reusable by any document holding a source.
 */
#pragma once

#include "device_info.h"
#include "storage_auth.h"
#include "storage_encryption.h"

/* Parse and format flags.  Their values equal the matching
 * VIR_DOMAIN_DEF_PARSE_* / VIR_DOMAIN_DEF_FORMAT_* bits so domain code can
 * pass its flags through unchanged. */
typedef enum {
    VIR_STORAGE_SOURCE_PARSE_INACTIVE = 1 << 0, /* drop live-only state */
    VIR_STORAGE_SOURCE_PARSE_STATUS = 1 << 2,   /* driver status file */
} virStorageSourceParseFlags;

typedef enum {
    VIR_STORAGE_SOURCE_FORMAT_SECURE = 1 << 0,     /* cookies */
    VIR_STORAGE_SOURCE_FORMAT_INACTIVE = 1 << 1,
    VIR_STORAGE_SOURCE_FORMAT_MIGRATABLE = 1 << 3,
    VIR_STORAGE_SOURCE_FORMAT_STATUS = 1 << 8,
} virStorageSourceFormatFlags;

typedef enum {
    VIR_STORAGE_TYPE_NONE = 0,
    VIR_STORAGE_TYPE_FILE,
    VIR_STORAGE_TYPE_BLOCK,
    VIR_STORAGE_TYPE_DIR,
    VIR_STORAGE_TYPE_NETWORK,
    VIR_STORAGE_TYPE_VOLUME,
    VIR_STORAGE_TYPE_NVME,
    VIR_STORAGE_TYPE_VHOST_USER,
    VIR_STORAGE_TYPE_LAST
} virStorageType;
VIR_ENUM_DECL(virStorage);

typedef enum {
    VIR_STORAGE_FILE_NONE = 0,
    VIR_STORAGE_FILE_RAW,
    VIR_STORAGE_FILE_DIR,
    VIR_STORAGE_FILE_BOCHS,
    VIR_STORAGE_FILE_CLOOP,
    VIR_STORAGE_FILE_DMG,
    VIR_STORAGE_FILE_ISO,
    VIR_STORAGE_FILE_VPC,
    VIR_STORAGE_FILE_VDI,
    VIR_STORAGE_FILE_FAT,
    VIR_STORAGE_FILE_VHD,
    VIR_STORAGE_FILE_PLOOP,
    VIR_STORAGE_FILE_COW,
    VIR_STORAGE_FILE_QCOW,
    VIR_STORAGE_FILE_QCOW2,
    VIR_STORAGE_FILE_QED,
    VIR_STORAGE_FILE_VMDK,
    VIR_STORAGE_FILE_LAST
} virStorageFileFormat;
VIR_ENUM_DECL(virStorageFileFormat);

typedef enum {
    VIR_STORAGE_NET_PROTOCOL_NONE = 0,
    VIR_STORAGE_NET_PROTOCOL_NBD,
    VIR_STORAGE_NET_PROTOCOL_RBD,
    VIR_STORAGE_NET_PROTOCOL_SHEEPDOG,
    VIR_STORAGE_NET_PROTOCOL_GLUSTER,
    VIR_STORAGE_NET_PROTOCOL_ISCSI,
    VIR_STORAGE_NET_PROTOCOL_HTTP,
    VIR_STORAGE_NET_PROTOCOL_HTTPS,
    VIR_STORAGE_NET_PROTOCOL_FTP,
    VIR_STORAGE_NET_PROTOCOL_FTPS,
    VIR_STORAGE_NET_PROTOCOL_TFTP,
    VIR_STORAGE_NET_PROTOCOL_SSH,
    VIR_STORAGE_NET_PROTOCOL_VXHS,
    VIR_STORAGE_NET_PROTOCOL_NFS,
    VIR_STORAGE_NET_PROTOCOL_LAST
} virStorageNetProtocol;
VIR_ENUM_DECL(virStorageNetProtocol);

typedef enum {
    VIR_STORAGE_NET_HOST_TRANS_TCP = 0,
    VIR_STORAGE_NET_HOST_TRANS_UNIX,
    VIR_STORAGE_NET_HOST_TRANS_RDMA,
    VIR_STORAGE_NET_HOST_TRANS_LAST
} virStorageNetHostTransport;
VIR_ENUM_DECL(virStorageNetHostTransport);

typedef enum {
    VIR_STORAGE_SOURCE_POOL_MODE_DEFAULT = 0,
    VIR_STORAGE_SOURCE_POOL_MODE_HOST,
    VIR_STORAGE_SOURCE_POOL_MODE_DIRECT,
    VIR_STORAGE_SOURCE_POOL_MODE_LAST
} virStorageSourcePoolMode;
VIR_ENUM_DECL(virStorageSourcePoolMode);

/* <host name port transport socket/> */
typedef struct {
    char *name;
    unsigned int port; /* 0: none (filled with the protocol default) */
    virStorageNetHostTransport transport;
    char *socket;
} virStorageNetHostDef;

/* <cookie name='...'>value</cookie> */
typedef struct {
    char *name;
    char *value;
} virStorageNetCookieDef;

/* <seclabel model relabel labelskip><label/></seclabel> of a device
 * source (disk sources, character device sources). */
typedef struct _virSecurityDeviceLabelDef virSecurityDeviceLabelDef;
struct _virSecurityDeviceLabelDef {
    char *model;
    char *label;
    bool relabel;   /* default true */
    bool labelskip; /* live only */
};

/* Reads every <seclabel> child of node (flags: VIR_STORAGE_SOURCE_PARSE_*,
 * labelskip only without INACTIVE).  0 or -1. */
int virSecurityDeviceLabelDefParseList(xmlNodePtr node,
                                       virSecurityDeviceLabelDef ***list,
                                       size_t *nlist, unsigned int flags);
/* Writes one <seclabel> (skipped for INACTIVE output when it carries no
 * label and relabels, as upstream). */
void virSecurityDeviceLabelDefFormat(virBuffer *buf,
                                     const virSecurityDeviceLabelDef *def,
                                     unsigned int flags);
void virSecurityDeviceLabelDefFree(virSecurityDeviceLabelDef *def);

typedef struct _virStorageSource virStorageSource;
struct _virStorageSource {
    virStorageType type;
    char *path;           /* file=, dev=, dir=, or the network name= */
    char *fdgroup;        /* file sources */
    unsigned int id;      /* index= (live only) */
    virStorageFileFormat format; /* <driver type=> / <format type=> */
    unsigned long long metadataCacheMaxSize; /* bytes */
    bool readonly;        /* <readonly/> of the disk */
    bool shared;          /* <shareable/> of the disk */

    /* network */
    virStorageNetProtocol protocol;
    char *volume;         /* rbd/gluster: the part of name= before '/' */
    char *query;          /* http(s) */
    virTristateBool haveTLS;
    bool tlsFromConfig;   /* status only */
    char *tlsHostname;
    size_t nhosts;
    virStorageNetHostDef *hosts;
    char *nfsUser;
    char *nfsGroup;
    char *snapshot;       /* <snapshot name=> */
    char *configFile;     /* <config file=> */
    char *initiatorIqn;   /* <initiator><iqn name=> */
    virTristateBool sslverify;
    size_t ncookies;
    virStorageNetCookieDef **cookies;
    unsigned long long readahead;
    unsigned long long timeout;

    /* volume */
    char *srcpoolPool;
    char *srcpoolVolume;
    virStorageSourcePoolMode srcpoolMode;

    /* nvme */
    unsigned long long nvmeNamespace;
    virTristateBool nvmeManaged;
    virPCIDeviceAddress nvmeAddr;

    /* vhostuser: <source type='unix' path=><reconnect/></source> */
    char *vhostuserPath;
    virTristateBool reconnectEnabled;
    unsigned int reconnectTimeout;

    /* <slices><slice type='storage' offset size/></slices> */
    bool hasSliceStorage;
    unsigned long long sliceOffset;
    unsigned long long sliceSize;

    /* <reservations managed=><source type='unix' path mode='client'/> */
    virTristateBool prManaged; /* ABSENT: no <reservations> */
    char *prPath;

    size_t nseclabels;
    virSecurityDeviceLabelDef **seclabels;

    virStorageAuthDef *auth;
    virStorageEncryption *encryption;

    /* <backingStore>: NULL when not given; a source of type NONE for an
     * empty <backingStore/> terminator. */
    virStorageSource *backingStore;
};

virStorageSource *virStorageSourceNew(void);
void virStorageSourceFree(virStorageSource *src);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageSource, virStorageSourceFree);

/* Reads the <source> element node into src, whose type must already be
 * set (type=, format= and the disk's startupPolicy= are the caller's).
 * Reads the attributes of its type and the children <host>, <auth>,
 * <encryption>, <reservations>, <slices>, <seclabel>, ...; empty paths
 * become NULL as upstream.  flags: VIR_STORAGE_SOURCE_PARSE_*. */
int virStorageSourceParseXML(xmlNodePtr node, virStorageSource *src,
                             unsigned int flags);

/* Writes src as element (usually "source").  startupPolicy (NULL for
 * none) is written for non-network sources, index= when attrIndex and an
 * id is set.  skipAuth / skipEnc leave out <auth> / <encryption> (for a
 * disk that had them as its own children).  flags:
 * VIR_STORAGE_SOURCE_FORMAT_*.  Nothing is written when the element would
 * be empty. */
int virStorageSourceFormatXML(virBuffer *buf, const virStorageSource *src,
                              const char *element, const char *startupPolicy,
                              bool attrIndex, unsigned int flags,
                              bool skipAuth, bool skipEnc);

/* Reads the <backingStore> child of parent (if any) into
 * src->backingStore, recursively. */
int virStorageSourceBackingStoreParse(xmlNodePtr parent,
                                      virStorageSource *src,
                                      unsigned int flags);
/* Writes src->backingStore (and its chain) if there is one. */
int virStorageSourceBackingStoreFormat(virBuffer *buf,
                                       const virStorageSource *src,
                                       unsigned int flags);

/* The source type/format/index attributes of <backingStore> and
 * <mirror>: upstream's errors for unknown values.  type NULL means file. */
virStorageSource *virStorageSourceParseBase(const char *type,
                                            const char *format,
                                            const char *index);

/* Reads <metadata_cache><max_size unit=>N</max_size></metadata_cache>
 * under node into *bytes (left alone when absent). */
int virStorageSourceParseMetadataCache(xmlNodePtr node,
                                       unsigned long long *bytes);
/* Writes that element into buf if bytes is non-zero. */
void virStorageSourceFormatMetadataCache(virBuffer *buf,
                                         unsigned long long bytes);

/* No medium: a local file, block device or directory without a path, no
 * source at all, or a network source without a protocol. */
bool virStorageSourceIsEmpty(const virStorageSource *src);
