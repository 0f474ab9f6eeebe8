/** Placeholder: built next. */
export default function Account() {
  return null;
}
