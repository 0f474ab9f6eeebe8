/** Placeholder: built next. */
export default function Dashboard() {
  return null;
}
