/**
 * The box every data table sits in: on a narrow screen the table scrolls sideways inside it and
 * the page itself never does. Its cells keep a readable width instead of one character a line.
 */
export function TableScroll({ children }: { children: React.ReactNode }) {
  return <div className="table-scroll">{children}</div>;
}
