import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CURRENCIES, Currency } from '@dueflow/domain';

export class MoneyDto {
  @IsInt({ message: 'must be a non-negative integer (yuan)' })
  @Min(0, { message: 'must be a non-negative integer (yuan)' })
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @IsIn(CURRENCIES, { message: `must be one of ${CURRENCIES.join(', ')}` })
  currency!: Currency;
}
