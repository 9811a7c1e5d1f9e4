"""Reader for Vireo's API description (src/api/*.api).

An .api file is the C body of one public header.  A function declaration may
be preceded by "@" lines that say how its entry point behaves; those lines
are dropped from the header and read here.  See README.md for the keywords.
"""

import os
import re

# Header file -> (library, error domain of its entry points, default table).
FILES = {
    'libvirt-common': ('libvirt', 'VIR_FROM_NONE', None),
    'libvirt-host': ('libvirt', 'VIR_FROM_DOMAIN', 'hypervisor'),
    'libvirt-domain': ('libvirt', 'VIR_FROM_DOMAIN', 'hypervisor'),
    'libvirt-domain-snapshot': ('libvirt', 'VIR_FROM_DOMAIN_SNAPSHOT', 'hypervisor'),
    'libvirt-domain-checkpoint': ('libvirt', 'VIR_FROM_DOMAIN_CHECKPOINT', 'hypervisor'),
    'libvirt-event': ('libvirt', 'VIR_FROM_EVENT', None),
    'libvirt-interface': ('libvirt', 'VIR_FROM_INTERFACE', 'interface'),
    'libvirt-network': ('libvirt', 'VIR_FROM_NETWORK', 'network'),
    'libvirt-nodedev': ('libvirt', 'VIR_FROM_NODEDEV', 'nodedev'),
    'libvirt-nwfilter': ('libvirt', 'VIR_FROM_NWFILTER', 'nwfilter'),
    'libvirt-secret': ('libvirt', 'VIR_FROM_SECRET', 'secret'),
    'libvirt-storage': ('libvirt', 'VIR_FROM_STORAGE', 'storage'),
    'libvirt-stream': ('libvirt', 'VIR_FROM_STREAMS', 'stream'),
    'virterror': ('libvirt', 'VIR_FROM_NONE', None),
    'libvirt-qemu': ('libvirt-qemu', 'VIR_FROM_NONE', 'hypervisor'),
    'libvirt-lxc': ('libvirt-lxc', 'VIR_FROM_NONE', 'hypervisor'),
    'libvirt-admin': ('libvirt-admin', 'VIR_FROM_ADMIN_INTERFACE', None),
}

# Order in which libvirt.h includes the split headers.
LIBVIRT_H_ORDER = [
    'libvirt-common', 'libvirt-host', 'libvirt-domain',
    'libvirt-domain-checkpoint', 'libvirt-domain-snapshot', 'libvirt-event',
    'libvirt-interface', 'libvirt-network', 'libvirt-nodedev',
    'libvirt-nwfilter', 'libvirt-secret', 'libvirt-storage', 'libvirt-stream',
]

# Public object types: pointer type -> short kind used by the C macros.
OBJECTS = {
    'virConnectPtr': 'Connect',
    'virDomainPtr': 'Domain',
    'virNetworkPtr': 'Network',
    'virNetworkPortPtr': 'NetworkPort',
    'virInterfacePtr': 'Interface',
    'virStoragePoolPtr': 'StoragePool',
    'virStorageVolPtr': 'StorageVol',
    'virNodeDevicePtr': 'NodeDevice',
    'virSecretPtr': 'Secret',
    'virNWFilterPtr': 'NWFilter',
    'virNWFilterBindingPtr': 'NWFilterBinding',
    'virDomainSnapshotPtr': 'DomainSnapshot',
    'virDomainCheckpointPtr': 'DomainCheckpoint',
    'virStreamPtr': 'Stream',
}

# Driver table name -> (C struct type, virConnect member).
TABLES = {
    'hypervisor': ('virHypervisorDriver', 'driver'),
    'network': ('virNetworkDriver', 'networkDriver'),
    'interface': ('virInterfaceDriver', 'interfaceDriver'),
    'storage': ('virStorageDriver', 'storageDriver'),
    'nodedev': ('virNodeDeviceDriver', 'nodeDeviceDriver'),
    'secret': ('virSecretDriver', 'secretDriver'),
    'nwfilter': ('virNWFilterDriver', 'nwfilterDriver'),
    'stream': ('virStreamDriver', None),
}

PROTO_RE = re.compile(r'^(?P<ret>.*?[\s*])(?P<name>\w+)\s*\((?P<args>.*)\)\s*;$')
ARG_RE = re.compile(r'^(?P<type>.*?[\s*])(?P<name>\w+)$')


class Function:
    def __init__(self, header, ret, name, args, ann, lineno):
        self.header = header
        self.ret = ret
        self.name = name
        self.args = args            # list of (type, name)
        self.ann = ann              # list of (keyword, words), in order
        self.lineno = lineno
        self.library, self.errdomain, deftable = FILES[header]
        self.since = self.first('since')[0]
        self.manual = self.has('manual')
        self.noslot = self.manual and 'noslot' in self.first('manual')
        self.kind = (self.first('kind') or [None])[0]
        self.table = (self.first('table') or [deftable])[0]
        self.slot = (self.first('driver') or [name[3].lower() + name[4:]])[0]

    def has(self, kw):
        return any(k == kw for k, _ in self.ann)

    def first(self, kw):
        for k, words in self.ann:
            if k == kw:
                return words
        return None

    @property
    def uses_slot(self):
        return not self.noslot and self.kind is None and self.table is not None

    @property
    def version_node(self):
        prefix = {'libvirt': 'LIBVIRT_', 'libvirt-qemu': 'LIBVIRT_QEMU_',
                  'libvirt-lxc': 'LIBVIRT_LXC_',
                  'libvirt-admin': 'LIBVIRT_ADMIN_'}[self.library]
        return prefix + self.since

    def prototype(self, name=None, ptrname=None):
        args = ', '.join(join_decl(t, n) for t, n in self.args) or 'void'
        if ptrname:
            return '%s(*%s)(%s)' % (join_type(self.ret), ptrname, args)
        return '%s%s(%s)' % (join_type(self.ret), name or self.name, args)


class Variable:
    def __init__(self, header, ctype, name, since):
        self.header = header
        self.type = ctype
        self.name = name
        self.since = since
        self.library = FILES[header][0]

    @property
    def version_node(self):
        return 'LIBVIRT_' + self.since


def join_type(t):
    return t if t.endswith('*') else t + ' '


def join_decl(t, n):
    return join_type(t) + n


def parse_args(text, where):
    text = text.strip()
    if text in ('', 'void'):
        return []
    args = []
    for part in text.split(','):
        m = ARG_RE.match(part.strip())
        if not m:
            raise SyntaxError('%s: cannot read argument %r' % (where, part))
        args.append((m.group('type').strip(), m.group('name')))
    return args


class Header:
    def __init__(self, name, lines, functions, variables):
        self.name = name
        self.lines = lines          # C lines for the header, annotations removed
        self.functions = functions
        self.variables = variables


def parse_file(path):
    header = os.path.basename(path)[:-4]
    if header not in FILES:
        raise SyntaxError('%s: unknown header name' % path)
    raw = open(path, encoding='utf-8').read().split('\n')
    lines, functions, variables = [], [], []
    ann = []
    i = 0
    while i < len(raw):
        line = raw[i]
        if line.startswith('@'):
            words = line[1:].split()
            # Keep quoted messages whole: @denysecure FLAGS "text with spaces"
            if '"' in line:
                head, _, rest = line[1:].partition('"')
                words = head.split() + ['"' + rest]
            ann.append((words[0], words[1:]))
            i += 1
            continue
        if ann:
            start = i
            decl = line
            while not decl.rstrip().endswith(';'):
                i += 1
                decl += ' ' + raw[i].strip()
            where = '%s:%d' % (path, start + 1)
            if ann[0][0] != 'since':
                raise SyntaxError('%s: annotations must start with @since' % where)
            if any(k == 'variable' for k, _ in ann):
                m = re.match(r'VIR_EXPORT_VAR\s+(\w+)\s+(\w+);', decl)
                variables.append(Variable(header, m.group(1), m.group(2), ann[0][1][0]))
            else:
                m = PROTO_RE.match(decl.strip())
                if not m:
                    raise SyntaxError('%s: cannot read declaration' % where)
                functions.append(Function(header, m.group('ret').strip(),
                                          m.group('name'),
                                          parse_args(m.group('args'), where),
                                          ann, start + 1))
            lines.extend(raw[start:i + 1])
            ann = []
            i += 1
            continue
        lines.append(line)
        i += 1
    return Header(header, lines, functions, variables)


def load(directory):
    headers = {}
    for fn in sorted(os.listdir(directory)):
        if fn.endswith('.api'):
            h = parse_file(os.path.join(directory, fn))
            headers[h.name] = h
    return headers


def version_key(node):
    return tuple(int(x) for x in node.rsplit('_', 1)[1].split('.'))
