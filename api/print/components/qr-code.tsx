import type { Child } from "hono/jsx";
import { QUIET_ZONE, qrMatrix, qrSvgPath } from "../qr.js";

/**
 * A QR code as inline SVG: one path of dark runs on a white square that includes the quiet
 * zone, crisp at any print size. `data-qr` names what the code is for (tests find it by that).
 */
export function QrCode(props: { url: string; label: string; for: string; caption?: Child }) {
  const matrix = qrMatrix(props.url);
  const side = matrix.size + 2 * QUIET_ZONE;
  return (
    <figure class="qr" data-qr={props.for}>
      <svg
        viewBox={`0 0 ${side} ${side}`}
        role="img"
        aria-label={props.label}
        shape-rendering="crispEdges"
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={qrSvgPath(matrix)} fill="#000" />
      </svg>
      {props.caption ? <figcaption>{props.caption}</figcaption> : null}
    </figure>
  );
}
