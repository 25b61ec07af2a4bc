/**
 * Words in a budget cell that say how a task is funded instead of an amount. Two kinds, from a closed list (any other
 * text stays an invalid number):
 *   - none:    no separate budget, nothing to add: «Lồng ghép» (funded inside another programme), «Trong kinh phí
 *              thường xuyên» (the unit's running budget), «Không», «Không phát sinh», «Không cần kinh phí»;
 *   - pending: an amount exists but is not written: «Theo dự toán (được duyệt)», «Theo thực tế», «Sẽ bố trí sau»,
 *              «Chưa xác định» — the total cannot include it.
 */
import { fold } from '../vn/text';

const NONE =
  /^(long ghep\b.*|(trong |tu |su dung |bang |thuoc )?(nguon )?(kinh phi|ngan sach|du toan)( chi)? (hoat dong )?thuong xuyen\b.*|khong|khong co|khong phat sinh|khong (can|su dung|yeu cau|de nghi) kinh phi\b.*|khong co kinh phi( rieng)?)$/;
const PENDING =
  /^(theo du toan\b.*|theo thuc te\b.*|theo de an\b.*|theo du an\b.*|se bo tri\b.*|bo tri sau\b.*|chua xac dinh\b.*|chua co du toan\b.*|dang lap du toan\b.*|xay dung du toan rieng\b.*|du toan rieng\b.*)$/;

export type NoAmountKind = 'none' | 'pending';

export function noAmountKind(text: string): NoAmountKind | null {
  const f = fold(text).replace(/[.;:!()]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!f || f.length > 120) return null;
  if (NONE.test(f)) return 'none';
  if (PENDING.test(f)) return 'pending';
  return null;
}
