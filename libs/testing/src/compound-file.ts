/**
 * A minimal OLE compound file (MS-CFB version 3, 512-byte sectors) holding the given streams, the
 * container Office uses for a password-protected workbook (streams EncryptionInfo and
 * EncryptedPackage) and for old .xls files (stream Workbook). Streams are padded to the mini-stream
 * cutoff so that all of them live in regular sectors; the layout is otherwise what the spec asks.
 */
export function compoundFile(streams: Record<string, Buffer>): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FAT_SECTOR = 0xfffffffd;
  const entries = Object.entries(streams).map(([name, data]) => ({ name, data: data.length >= 4096 ? data : Buffer.concat([data, Buffer.alloc(4096 - data.length)]) }));
  if (entries.length > 3) throw new Error('compoundFile: at most 3 streams');
  // Sector 0: the FAT; sector 1: the directory; then each stream's sectors.
  const fat: number[] = [FAT_SECTOR, END];
  const starts: number[] = [];
  for (const entry of entries) {
    const count = Math.ceil(entry.data.length / SECTOR);
    starts.push(fat.length);
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END : fat.length + 1);
  }
  if (fat.length > SECTOR / 4) throw new Error('compoundFile: streams too large for one FAT sector');

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

  const fatSector = Buffer.alloc(SECTOR, 0xff);
  fat.forEach((value, i) => fatSector.writeUInt32LE(value, i * 4));

  const directory = Buffer.alloc(SECTOR);
  const entry = (index: number, name: string, type: number, options: { child?: number; right?: number; start?: number; size?: number }) => {
    const at = index * 128;
    const utf16 = Buffer.from(`${name}\u0000`, 'utf16le');
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(FREE, at + 68); // left sibling
    directory.writeUInt32LE(options.right ?? FREE, at + 72);
    directory.writeUInt32LE(options.child ?? FREE, at + 76);
    directory.writeUInt32LE(options.start ?? END, at + 116);
    directory.writeUInt32LE(options.size ?? 0, at + 120);
  };
  entry(0, 'Root Entry', 5, { child: entries.length ? 1 : FREE });
  entries.forEach((e, i) => entry(i + 1, e.name, 2, { right: i + 2 <= entries.length ? i + 2 : FREE, start: starts[i], size: e.data.length }));

  const data = entries.map((e) => Buffer.concat([e.data, Buffer.alloc((SECTOR - (e.data.length % SECTOR)) % SECTOR)]));
  return Buffer.concat([header, fatSector, directory, ...data]);
}
