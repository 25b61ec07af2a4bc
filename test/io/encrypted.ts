/**
 * A password-protected .xlsx as Excel saves it: an OLE compound file holding the streams "EncryptionInfo" and
 * "EncryptedPackage" (MS-OFFCRYPTO), built with SheetJS's CFB writer. The contents are filler: nothing decrypts them.
 */
import * as XLSX from '@e965/xlsx';

export function encryptedWorkbook(): Uint8Array<ArrayBuffer> {
  const CFB = XLSX.CFB as {
    utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, data: Uint8Array): void };
    write(cfb: unknown, opts: { type: 'array' }): ArrayBuffer | number[];
  };
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(200).fill(1));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(5000).fill(2));
  const out = CFB.write(cfb, { type: 'array' });
  return out instanceof ArrayBuffer ? new Uint8Array(out) : new Uint8Array(Uint8Array.from(out).buffer as ArrayBuffer);
}
